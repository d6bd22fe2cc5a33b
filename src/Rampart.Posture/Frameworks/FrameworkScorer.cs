using System.Collections.Immutable;
using Rampart.Core;

namespace Rampart.Posture.Frameworks;

/// <summary>
/// Scores a framework from check results. Per control, over the results of the checks it lists:
/// <list type="bullet">
/// <item>no checks listed: <see cref="ControlStatus.NotAutomated"/>;</item>
/// <item>any fail: <see cref="ControlStatus.Failed"/>;</item>
/// <item>otherwise any error: <see cref="ControlStatus.Error"/>;</item>
/// <item>otherwise any pass: <see cref="ControlStatus.Passed"/> (muted and not-applicable results are set aside);</item>
/// <item>otherwise any muted: <see cref="ControlStatus.Muted"/>;</item>
/// <item>otherwise (no results, or only not-applicable ones): <see cref="ControlStatus.NotApplicable"/>.</item>
/// </list>
/// A section's and the framework's score is passed controls over assessed ones (passed, failed, error).
/// </summary>
public static class FrameworkScorer
{
    /// <summary>Scores <paramref name="framework"/> against <paramref name="evidence"/>; results of checks it does not list are ignored.</summary>
    public static FrameworkScore Score(Framework framework, IEnumerable<ControlEvidence> evidence)
    {
        Guard.NotNull(framework);
        Guard.NotNull(evidence);
        var byCheck = evidence
            .Where(item => item.CheckId is not null)
            .GroupBy(item => item.CheckId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        var controls = framework.Controls.Select(control => Evaluate(control, byCheck)).ToImmutableArray();
        var sections = framework.Sections
            .Select(section =>
            {
                var members = controls.Where(result => result.Control.Section == section.Id).ToImmutableArray();
                return new SectionScore(section, members, Total(members));
            })
            .ToImmutableArray();
        return new FrameworkScore(framework, controls, sections, Total(controls));
    }

    /// <summary>The status of one control given results grouped by check id.</summary>
    internal static ControlResult Evaluate(FrameworkControl control, IReadOnlyDictionary<string, List<ControlEvidence>> byCheck)
    {
        if (control.Checks.IsEmpty)
            return new ControlResult(control, ControlStatus.NotAutomated, [], []);

        var failed = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        bool passed = false, muted = false;
        foreach (var check in control.Checks)
        {
            if (!byCheck.TryGetValue(check, out var results))
                continue;
            foreach (var result in results)
            {
                switch (result.Status)
                {
                    case ResultStatus.Pass:
                        passed = true;
                        break;
                    case ResultStatus.Fail:
                        failed.Add(result.ResourceKey ?? "");
                        break;
                    case ResultStatus.Error:
                        errors.Add(result.ResourceKey ?? "");
                        break;
                    case ResultStatus.Muted:
                        muted = true;
                        break;
                }
            }
        }

        var status = failed.Count > 0 ? ControlStatus.Failed
            : errors.Count > 0 ? ControlStatus.Error
            : passed ? ControlStatus.Passed
            : muted ? ControlStatus.Muted
            : ControlStatus.NotApplicable;
        return new ControlResult(control, status, [.. failed], [.. errors]);
    }

    private static Score Total(IEnumerable<ControlResult> results) =>
        results.Aggregate(default(Score), (score, result) => score.Add(result.Status));
}
