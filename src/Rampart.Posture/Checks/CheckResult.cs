using Rampart.Core;
using System.Collections.Immutable;

namespace Rampart.Posture.Checks;

/// <summary>The outcome of one check on one resource.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="ResourceKey">The resource's key.</param>
/// <param name="Status">PASS, FAIL, ERROR or NOT_APPLICABLE.</param>
/// <param name="Severity">The check's severity.</param>
/// <param name="Evidence">The values of the check's evidence paths (none when not applicable).</param>
/// <param name="Controls">The framework controls the check maps to, as <c>framework:control</c>.</param>
/// <param name="Error">Why the check could not be decided, for ERROR.</param>
public sealed record CheckResult(
    string CheckId,
    string ResourceKey,
    CheckStatus Status,
    Severity Severity,
    ImmutableArray<CheckEvidence> Evidence,
    ImmutableArray<string> Controls,
    string? Error = null);
