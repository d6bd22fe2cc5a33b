using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Posture.Frameworks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>Scores frameworks against an assessment's results.</summary>
public static class AssessmentScores
{
    /// <summary>One result as scoring takes it; a muted failure counts as muted.</summary>
    public static ControlEvidence Evidence(AssessedResult result)
    {
        Guard.NotNull(result);
        return new(result.Result.CheckId, result.Result.ResourceKey, result.Outcome);
    }

    /// <summary>Scores <paramref name="framework"/> against the report's results.</summary>
    public static FrameworkScore Score(Framework framework, AssessmentReport report)
    {
        Guard.NotNull(framework);
        Guard.NotNull(report);
        return FrameworkScorer.Score(framework, report.Results.Select(Evidence));
    }

    /// <summary>
    /// Scores, in the order given, every framework that maps at least one of <paramref name="checkIds"/> (the checks
    /// evaluated); frameworks that map none of them are left out.
    /// </summary>
    public static ImmutableArray<FrameworkScore> Score(IEnumerable<Framework> frameworks, IEnumerable<string> checkIds, AssessmentReport report)
    {
        Guard.NotNull(frameworks);
        Guard.NotNull(checkIds);
        Guard.NotNull(report);
        var evaluated = checkIds.ToHashSet(StringComparer.Ordinal);
        var evidence = report.Results.Select(Evidence).ToList();
        return [.. frameworks
            .Where(framework => framework.Controls.Any(control => control.Checks.Any(evaluated.Contains)))
            .Select(framework => FrameworkScorer.Score(framework, evidence))];
    }
}
