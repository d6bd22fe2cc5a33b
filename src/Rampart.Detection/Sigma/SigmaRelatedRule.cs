namespace Rampart.Detection.Sigma;

/// <summary>One entry of a rule's <c>related</c> list.</summary>
/// <param name="Id">The related rule's id.</param>
/// <param name="Type">How it is related: <c>derived</c>, <c>obsolete</c>, <c>merged</c>, <c>renamed</c> or <c>similar</c>.</param>
public sealed record SigmaRelatedRule(string Id, string Type);
