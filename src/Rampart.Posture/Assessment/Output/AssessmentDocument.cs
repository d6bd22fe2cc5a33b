using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Posture.Checks;
using Rampart.Posture.Frameworks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>
/// An assessment as the writers take it: the report, the checks that produced it (for titles, descriptions and
/// remediation), the framework scores to show, and the time of the run, which every output stamps instead of reading
/// the clock. Immutable.
/// </summary>
public sealed record AssessmentDocument
{
    private readonly FrozenDictionary<string, CheckDefinition> _checks;

    /// <summary>Bundles a report with what its writers need.</summary>
    /// <param name="report">The results, drift and flipped checks.</param>
    /// <param name="checks">The checks evaluated; when two share an id the first is used.</param>
    /// <param name="time">When the assessment ran.</param>
    /// <param name="scores">Framework scores to show, in order; none by default.</param>
    public AssessmentDocument(AssessmentReport report, IEnumerable<CheckDefinition> checks, DateTimeOffset time, IEnumerable<FrameworkScore>? scores = null)
    {
        Report = Guard.NotNull(report);
        Checks = [.. Guard.NotNull(checks)];
        Time = time;
        Scores = scores is null ? [] : [.. scores];
        _checks = Checks.DistinctBy(static c => c.Id, StringComparer.Ordinal).ToFrozenDictionary(static c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The results, drift and flipped checks.</summary>
    public AssessmentReport Report { get; }

    /// <summary>The checks evaluated, in the order given.</summary>
    public ImmutableArray<CheckDefinition> Checks { get; }

    /// <summary>When the assessment ran; every record carries this time.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Framework scores to show, in order.</summary>
    public ImmutableArray<FrameworkScore> Scores { get; }

    /// <summary>Whether the report compares with a baseline (the HTML report then shows drift even when nothing drifted). False by default.</summary>
    public bool HasBaseline { get; init; }

    /// <summary>The check with id <paramref name="checkId"/>, or null when it is not among <see cref="Checks"/>.</summary>
    public CheckDefinition? Check(string checkId) => _checks.GetValueOrDefault(Guard.NotNull(checkId));

    /// <summary>The check's title, or its id when the check is unknown.</summary>
    public string Title(string checkId) => Check(checkId)?.Title ?? checkId;
}
