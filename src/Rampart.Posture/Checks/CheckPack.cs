using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks;

/// <summary>
/// A frozen set of compiled checks, indexed by resource type so that each resource meets only its own checks. Build a
/// new pack to reload; a pack never changes. Thread-safe.
/// </summary>
public sealed class CheckPack
{
    private readonly FrozenDictionary<string, CompiledCheck[]> _byType;

    private CheckPack(ImmutableArray<CompiledCheck> checks)
    {
        Checks = checks;
        InventoryChecks = [.. checks.Where(static check => check.JudgesInventory)];
        _byType = checks
            .Where(static check => !check.JudgesInventory)
            .SelectMany(check => check.Definition.ResourceTypes.Distinct(StringComparer.Ordinal).Select(type => (type, check)))
            .GroupBy(pair => pair.type, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.check).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The checks, in the order given.</summary>
    public ImmutableArray<CompiledCheck> Checks { get; }

    /// <summary>The checks that judge resources by others (plugin checks), run over a whole inventory.</summary>
    public ImmutableArray<CompiledCheck> InventoryChecks { get; }

    /// <summary>Compiles validated checks (from <see cref="CheckLoader"/>) into a pack.</summary>
    public static CheckPack Compile(IEnumerable<CheckDefinition> checks) =>
        new([.. Core.Guard.NotNull(checks).Select(static definition => new CompiledCheck(definition))]);

    /// <summary>The checks in the language that judge resources of <paramref name="resourceType"/> one at a time.</summary>
    public IReadOnlyList<CompiledCheck> ChecksFor(string resourceType) =>
        _byType.TryGetValue(resourceType, out var checks) ? checks : [];

    /// <summary>
    /// Evaluates every check in the language of the resource's type on it at <paramref name="now"/>, adding one result per
    /// check. Plugin checks judge a whole inventory: see <see cref="InventoryChecks"/>.
    /// </summary>
    public void Evaluate(CloudResource resource, DateTimeOffset now, ICollection<CheckResult> results)
    {
        Core.Guard.NotNull(resource);
        Core.Guard.NotNull(results);
        if (!_byType.TryGetValue(resource.Type, out var checks))
            return;
        var view = new ResourceView(resource, now);
        foreach (var check in checks)
            results.Add(check.Evaluate(view));
    }

    /// <summary>Evaluates every check of the resource's type on it at <paramref name="now"/>.</summary>
    public ImmutableArray<CheckResult> Evaluate(CloudResource resource, DateTimeOffset now)
    {
        var results = new List<CheckResult>();
        Evaluate(resource, now, results);
        return [.. results];
    }
}
