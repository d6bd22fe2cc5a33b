using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Posture.Checks;
using Rampart.Posture.Drift;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;

namespace Rampart.Posture.Assessment;

/// <summary>One check's outcome on one resource, with the resource and the mute that accepted it, if any.</summary>
/// <param name="Result">The check's result.</param>
/// <param name="Resource">The resource judged.</param>
/// <param name="Mute">The mute that accepts a failure, or null.</param>
public sealed record AssessedResult(CheckResult Result, CloudResource Resource, MuteRule? Mute)
{
    /// <summary>The status as written: <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>, <c>NOT_APPLICABLE</c>, or <c>MUTED</c> for an accepted failure.</summary>
    public string Status => Mute is not null ? "MUTED" : Result.Status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Fail => "FAIL",
        CheckStatus.Error => "ERROR",
        _ => "NOT_APPLICABLE",
    };
}

/// <summary>A check whose status on a resource changed between a baseline and now.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="ResourceKey">The resource.</param>
/// <param name="Before">The status in the baseline, or null when the resource is new.</param>
/// <param name="After">The status now, or null when the resource is gone.</param>
public sealed record FlippedCheck(string CheckId, string ResourceKey, string? Before, string? After);

/// <summary>The results of an assessment, and with a baseline, what drifted and which checks flipped.</summary>
/// <param name="Results">Every result, ordered by check then resource key.</param>
/// <param name="Changes">Resources created, deleted and changed since the baseline; empty without one.</param>
/// <param name="Flipped">Checks whose status changed since the baseline; empty without one.</param>
/// <param name="Evaluated">How many resources were evaluated (without a baseline, all; with one, only those that changed or are new).</param>
public sealed record AssessmentReport(ImmutableArray<AssessedResult> Results, ImmutableArray<ResourceChange> Changes, ImmutableArray<FlippedCheck> Flipped, int Evaluated)
{
    /// <summary>Failures (not muted) at or above <paramref name="severity"/>.</summary>
    public int FailuresAtLeast(Severity severity) =>
        Results.Count(r => r.Mute is null && r.Result.Status == CheckStatus.Fail && (int)r.Result.Severity + 1 >= (int)severity);
}

/// <summary>Runs a check pack over an inventory, applies mutes, and compares with a baseline.</summary>
public static class AssessmentRunner
{
    /// <summary>Evaluates every check on every resource it applies to.</summary>
    public static AssessmentReport Run(ResourceInventory inventory, CheckPack pack, MuteList mutes, DateTimeOffset now)
    {
        Guard.NotNull(inventory);
        Guard.NotNull(pack);
        Guard.NotNull(mutes);
        var results = Evaluate(inventory.Resources, pack, mutes, now);
        return new AssessmentReport(Order(results), [], [], inventory.Count);
    }

    /// <summary>
    /// Evaluates <paramref name="current"/> and reports what drifted since <paramref name="baseline"/>: resources whose
    /// content is unchanged keep the baseline's results; only created and changed resources are evaluated again.
    /// </summary>
    public static AssessmentReport Run(ResourceInventory baseline, ResourceInventory current, CheckPack pack, MuteList mutes, DateTimeOffset now)
    {
        Guard.NotNull(baseline);
        Guard.NotNull(current);
        Guard.NotNull(pack);
        Guard.NotNull(mutes);
        var before = Evaluate(baseline.Resources, pack, mutes, now);
        var changes = DriftDetector.Compare(baseline.Resources, current.Resources);
        var touched = changes.Where(static c => c.Kind != ChangeKind.Deleted).Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var deleted = changes.Where(static c => c.Kind == ChangeKind.Deleted).Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var after = before.Where(r => !touched.Contains(r.Result.ResourceKey) && !deleted.Contains(r.Result.ResourceKey)).ToList();
        var fresh = Evaluate(current.Resources.Where(r => touched.Contains(r.Key)), pack, mutes, now);
        after.AddRange(fresh);

        var old = before.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var later = after.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var flipped = old.Keys.Union(later.Keys)
            .Select(key => new FlippedCheck(key.CheckId, key.ResourceKey, old.GetValueOrDefault(key), later.GetValueOrDefault(key)))
            .Where(static f => f.Before != f.After)
            .OrderBy(static f => f.CheckId, StringComparer.Ordinal).ThenBy(static f => f.ResourceKey, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssessmentReport(Order(after), changes, flipped, touched.Count);
    }

    private static List<AssessedResult> Evaluate(IEnumerable<CloudResource> resources, CheckPack pack, MuteList mutes, DateTimeOffset now)
    {
        var results = new List<AssessedResult>();
        var buffer = new List<CheckResult>();
        foreach (var resource in resources)
        {
            buffer.Clear();
            pack.Evaluate(resource, now, buffer);
            foreach (var result in buffer)
            {
                var mute = result.Status == CheckStatus.Fail ? mutes.Find(result.CheckId, resource, now) : null;
                results.Add(new AssessedResult(result, resource, mute));
            }
        }

        return results;
    }

    private static ImmutableArray<AssessedResult> Order(IEnumerable<AssessedResult> results) =>
        [.. results.OrderBy(static r => r.Result.CheckId, StringComparer.Ordinal).ThenBy(static r => r.Result.ResourceKey, StringComparer.Ordinal)];
}
