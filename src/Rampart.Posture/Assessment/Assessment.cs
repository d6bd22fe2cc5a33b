using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Posture.Checks;
using Rampart.Posture.Checks.Plugins;
using Rampart.Posture.Drift;
using Rampart.Posture.Frameworks;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;

namespace Rampart.Posture.Assessment;

/// <summary>One check's outcome on one resource, with the resource and the mute that accepted it, if any.</summary>
/// <param name="Result">The check's result.</param>
/// <param name="Resource">The resource judged.</param>
/// <param name="Mute">The mute that accepts a failure, or null.</param>
public sealed record AssessedResult(CheckResult Result, CloudResource Resource, MuteRule? Mute)
{
    /// <summary>The status reported: the check's, or <see cref="ResultStatus.Muted"/> for an accepted failure.</summary>
    public ResultStatus Outcome => Mute is not null ? ResultStatus.Muted : Result.Status switch
    {
        CheckStatus.Pass => ResultStatus.Pass,
        CheckStatus.Fail => ResultStatus.Fail,
        CheckStatus.Error => ResultStatus.Error,
        _ => ResultStatus.NotApplicable,
    };

    /// <summary>The status as written: <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>, <c>NOT_APPLICABLE</c>, or <c>MUTED</c> for an accepted failure.</summary>
    public string Status => Outcome.ToText();
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
        Results.Count(r => r.Mute is null && r.Result.Status == CheckStatus.Fail && r.Result.Severity >= severity);
}

/// <summary>What judging a change again gave, and which earlier results it replaces.</summary>
/// <param name="Results">The fresh results.</param>
/// <param name="ChangedKeys">The changed resources: their results from checks in the language are replaced.</param>
/// <param name="PluginScopes">Per plugin check judged again, the subjects whose results are replaced.</param>
public sealed record AssessmentUpdate(
    ImmutableArray<AssessedResult> Results, FrozenSet<string> ChangedKeys, FrozenDictionary<string, JudgeScope> PluginScopes)
{
    /// <summary>Whether <paramref name="earlier"/>, a result from before the change, is replaced by this update.</summary>
    public bool Replaces(AssessedResult earlier)
    {
        Guard.NotNull(earlier);
        return PluginScopes.TryGetValue(earlier.Result.CheckId, out var scope)
            ? scope.Includes(earlier.Resource)
            : ChangedKeys.Contains(earlier.Result.ResourceKey);
    }
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
    /// can affect is judged again (<see cref="Reevaluate"/>); every other result is the baseline's.
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
        var changed = changes.Select(c => (current.Find(c.Key) ?? baseline.Find(c.Key))!).ToList();
        var update = Reevaluate(current, changed, pack, mutes, now, baseline);
        var after = before.Where(r => !update.Replaces(r)).Concat(update.Results).ToList();

        var old = before.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var later = after.ToDictionary(static r => (r.Result.CheckId, r.Result.ResourceKey), static r => r.Status);
        var flipped = old.Keys.Union(later.Keys)
            .Select(key => new FlippedCheck(key.CheckId, key.ResourceKey, old.GetValueOrDefault(key), later.GetValueOrDefault(key)))
            .Where(static f => f.Before != f.After)
            .OrderBy(static f => f.CheckId, StringComparer.Ordinal).ThenBy(static f => f.ResourceKey, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssessmentReport(Order(after), changes, flipped, changes.Count(static c => c.Kind != ChangeKind.Deleted));
    }

    /// <summary>
    /// Judges again what a change to <paramref name="changed"/> (created, changed or deleted resources) can affect, in
    /// <paramref name="current"/>: the checks in the language on each changed resource still present, and each plugin
    /// check that reads a changed resource's type, on the subjects the change reaches (<see cref="CompiledCheck.ScopeOf"/>). With
    /// <paramref name="previous"/>, the inventory before the change, references that a change removed are followed too.
    /// </summary>
    public static AssessmentUpdate Reevaluate(
        ResourceInventory current, IReadOnlyCollection<CloudResource> changed, CheckPack pack, MuteList mutes, DateTimeOffset now, ResourceInventory? previous = null)
    {
        Guard.NotNull(current);
        Guard.NotNull(changed);
        Guard.NotNull(pack);
        Guard.NotNull(mutes);
        var results = new List<AssessedResult>();
        Evaluate(changed.Select(r => current.Find(r.Key)).OfType<CloudResource>(), pack, mutes, now, results);
        // An account that appears or vanishes gains or loses its account-level subject, whatever its resources' types.
        var arrived = previous is null ? [] : current.Accounts.Except(previous.Accounts, StringComparer.Ordinal).Concat(previous.Accounts.Except(current.Accounts, StringComparer.Ordinal)).ToList();
        var scopes = new Dictionary<string, JudgeScope>(StringComparer.Ordinal);
        foreach (var check in pack.InventoryChecks)
        {
            var accountLevel = check.Definition.ResourceTypes.Contains(ResourceTypes.Account, StringComparer.Ordinal);
            var scope = changed
                .SelectMany(r => new[] { check.ScopeOf(r, current), previous is null ? null : check.ScopeOf(r, previous) })
                .OfType<JudgeScope>()
                .Aggregate(new JudgeScope(accountLevel ? arrived : [], []), static (all, one) => all.Union(one));
            if (scope.IsEmpty)
                continue;
            scopes[check.Id] = scope;
            check.Evaluate(current, now, (result, subject) => results.Add(Assessed(result, subject, mutes, now)), scope);
        }

        return new AssessmentUpdate([.. results], changed.Select(static r => r.Key).ToFrozenSet(StringComparer.Ordinal), scopes.ToFrozenDictionary(StringComparer.Ordinal));
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
