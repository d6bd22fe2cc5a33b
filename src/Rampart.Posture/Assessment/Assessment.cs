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
        var results = new List<AssessedResult>();
        Evaluate(inventory.Resources, pack, mutes, now, results);
        Evaluate(inventory, pack.InventoryChecks, mutes, now, results);
        return new AssessmentReport(Order(results), [], [], inventory.Count);
    }

    /// <summary>
    /// Evaluates <paramref name="current"/> and reports what drifted since <paramref name="baseline"/>. Only what a change
    /// can affect is judged again: checks in the language on created and changed resources, and plugin checks when a
    /// resource of a type they read was created, changed or deleted. Everything else keeps the baseline's results.
    /// </summary>
    public static AssessmentReport Run(ResourceInventory baseline, ResourceInventory current, CheckPack pack, MuteList mutes, DateTimeOffset now)
    {
        Guard.NotNull(baseline);
        Guard.NotNull(current);
        Guard.NotNull(pack);
        Guard.NotNull(mutes);
        var before = new List<AssessedResult>();
        Evaluate(baseline.Resources, pack, mutes, now, before);
        Evaluate(baseline, pack.InventoryChecks, mutes, now, before);

        var changes = DriftDetector.Compare(baseline.Resources, current.Resources);
        var touched = changes.Where(static c => c.Kind != ChangeKind.Deleted).Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var gone = changes.Where(static c => c.Kind == ChangeKind.Deleted).Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var changedTypes = changes.Select(c => (current.Find(c.Key) ?? baseline.Find(c.Key))!.Type).ToHashSet(StringComparer.Ordinal);
        var rerun = pack.InventoryChecks.Where(check => check.Reads.Any(changedTypes.Contains)).ToList();
        var rerunIds = rerun.Select(static c => c.Id).ToHashSet(StringComparer.Ordinal);

        var after = before.Where(r => rerunIds.Contains(r.Result.CheckId)
            ? false
            : !touched.Contains(r.Result.ResourceKey) && !gone.Contains(r.Result.ResourceKey)).ToList();
        Evaluate(current.Resources.Where(r => touched.Contains(r.Key)), pack, mutes, now, after);
        Evaluate(current, rerun, mutes, now, after);

        var old = before.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var later = after.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var flipped = old.Keys.Union(later.Keys)
            .Select(key => new FlippedCheck(key.CheckId, key.ResourceKey, old.GetValueOrDefault(key), later.GetValueOrDefault(key)))
            .Where(static f => f.Before != f.After)
            .OrderBy(static f => f.CheckId, StringComparer.Ordinal).ThenBy(static f => f.ResourceKey, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssessmentReport(Order(after), changes, flipped, touched.Count);
    }

    private static void Evaluate(IEnumerable<CloudResource> resources, CheckPack pack, MuteList mutes, DateTimeOffset now, List<AssessedResult> results)
    {
        var buffer = new List<CheckResult>();
        foreach (var resource in resources)
        {
            buffer.Clear();
            pack.Evaluate(resource, now, buffer);
            foreach (var result in buffer)
                results.Add(Assessed(result, resource, mutes, now));
        }
    }

    private static void Evaluate(ResourceInventory inventory, IEnumerable<CompiledCheck> checks, MuteList mutes, DateTimeOffset now, List<AssessedResult> results)
    {
        foreach (var check in checks)
            check.Evaluate(inventory, now, (result, subject) => results.Add(Assessed(result, subject, mutes, now)));
    }

    private static AssessedResult Assessed(CheckResult result, CloudResource resource, MuteList mutes, DateTimeOffset now) =>
        new(result, resource, result.Status == CheckStatus.Fail ? mutes.Find(result.CheckId, resource, now) : null);

    private static ImmutableArray<AssessedResult> Order(IEnumerable<AssessedResult> results) =>
        [.. results.OrderBy(static r => r.Result.CheckId, StringComparer.Ordinal).ThenBy(static r => r.Result.ResourceKey, StringComparer.Ordinal)];
}
