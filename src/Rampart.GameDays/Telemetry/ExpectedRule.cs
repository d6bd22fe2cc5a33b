namespace Rampart.GameDays.Telemetry;

/// <summary>A SigmaHQ rule that should fire on an injected attack, named as the rule names itself.</summary>
/// <param name="Id">The rule's <c>id</c> (a UUID).</param>
/// <param name="Title">The rule's <c>title</c>.</param>
public sealed record ExpectedRule(string Id, string Title);
