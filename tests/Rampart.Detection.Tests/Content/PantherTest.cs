namespace Rampart.Detection.Tests.Content;

/// <summary>One labelled test of a Panther detection: the event as JSON, its Panther log type (null when unknown) and whether the rule should fire.</summary>
internal sealed record PantherTest(string Name, bool ExpectedResult, string? LogType, string Json);
