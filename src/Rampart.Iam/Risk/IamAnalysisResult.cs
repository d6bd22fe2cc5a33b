using System.Collections.Immutable;
using Rampart.Core;

namespace Rampart.Iam.Risk;

/// <summary>What an IAM analysis found, what it could not judge, and what it looked at.</summary>
/// <param name="Account">The account id, when known.</param>
/// <param name="Findings">The findings, most severe first, then by category, principal and check.</param>
/// <param name="Notes">What was narrowed and why.</param>
/// <param name="Principals">Users and roles analysed.</param>
/// <param name="Time">When the analysis ran (the clock's now).</param>
public sealed record IamAnalysisResult(string? Account, ImmutableArray<IamFinding> Findings, ImmutableArray<AnalysisNote> Notes, int Principals, DateTimeOffset Time)
{
    /// <summary>Orders findings as every output shows them.</summary>
    public static ImmutableArray<IamFinding> Order(IEnumerable<IamFinding> findings) =>
    [
        .. Core.Guard.NotNull(findings)
            .OrderByDescending(static f => f.Severity)
            .ThenBy(static f => f.Category)
            .ThenBy(static f => f.Principal, StringComparer.Ordinal)
            .ThenBy(static f => f.CheckId, StringComparer.Ordinal)
            .ThenBy(static f => f.Title, StringComparer.Ordinal),
    ];

    /// <summary>The number of findings at or above <paramref name="severity"/>.</summary>
    public int AtLeast(Severity severity) => Findings.Count(f => f.Severity >= severity);
}
