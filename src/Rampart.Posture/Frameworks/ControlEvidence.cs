namespace Rampart.Posture.Frameworks;

/// <summary>
/// One check result as scoring needs it: which check, on which resource, with what outcome. Kept apart from
/// the check engine's own result type so that scoring can be fed from any source of results.
/// </summary>
/// <param name="CheckId">The check's id, as controls list it under <c>checks</c>.</param>
/// <param name="ResourceKey">The resource the result is about (its ARN or pseudo-ARN key).</param>
/// <param name="Status">The outcome.</param>
public readonly record struct ControlEvidence(string CheckId, string ResourceKey, ResultStatus Status);
