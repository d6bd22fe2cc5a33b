using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory;

/// <summary>
/// A frozen set of resources, indexed by key and by type (and by type, account and region), with the inputs it was
/// imported from. Keys are unique: when two inputs hold the same key the one captured later is kept (or, when neither
/// says, the one read later) and the duplicate is reported. Immutable and safe to share between threads.
/// </summary>
public sealed class ResourceInventory
{
    private readonly FrozenDictionary<string, CloudResource> _byKey;
    private readonly FrozenDictionary<string, ImmutableArray<CloudResource>> _byType;
    private readonly FrozenDictionary<(string Type, string Account, string Region), ImmutableArray<CloudResource>> _byPlace;
    private readonly FrozenDictionary<(string Type, string Account), ImmutableArray<CloudResource>> _byAccount;

    private ResourceInventory(ImmutableArray<CloudResource> resources, ImmutableArray<string> inputs)
    {
        Resources = resources;
        Inputs = inputs;
        _byKey = resources.ToFrozenDictionary(static r => r.Key, StringComparer.Ordinal);
        _byType = resources.GroupBy(static r => r.Type, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key, static g => g.ToImmutableArray(), StringComparer.Ordinal);
        _byPlace = resources.GroupBy(static r => (r.Type, r.Account, r.Region))
            .ToFrozenDictionary(static g => g.Key, static g => g.ToImmutableArray());
        _byAccount = resources.GroupBy(static r => (r.Type, r.Account))
            .ToFrozenDictionary(static g => g.Key, static g => g.ToImmutableArray());
        Types = [.. _byType.Keys.Order(StringComparer.Ordinal)];
        Accounts = [.. resources.Select(static r => r.Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The inventory with no resources and no inputs.</summary>
    public static ResourceInventory Empty { get; } = new([], []);

    /// <summary>Every resource, ordered by key (ordinal).</summary>
    public ImmutableArray<CloudResource> Resources { get; }

    /// <summary>The inputs (files or directories, as given) the resources were imported from, in the order given, without repeats.</summary>
    public ImmutableArray<string> Inputs { get; }

    /// <summary>The types present, ordered (ordinal).</summary>
    public ImmutableArray<string> Types { get; }

    /// <summary>The accounts resources belong to, ordered (ordinal).</summary>
    public ImmutableArray<string> Accounts { get; }

    /// <summary>The number of resources.</summary>
    public int Count => Resources.Length;

    /// <summary>
    /// Builds an inventory. Resources sharing a key are reported (<see cref="InventoryDiagnostics.DuplicateKeyCode"/> when
    /// they differ, <see cref="InventoryDiagnostics.RepeatedResourceCode"/> when equal) and one is kept: the one captured
    /// later, or the one later in <paramref name="resources"/> when capture times are equal or unknown.
    /// </summary>
    public static ResourceInventory Create(IEnumerable<CloudResource> resources, IEnumerable<string> inputs, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(resources);
        Guard.NotNull(inputs);
        Guard.NotNull(diagnostics);
        var kept = new Dictionary<string, CloudResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            Guard.NotNull(resource);
            if (!kept.TryGetValue(resource.Key, out var earlier))
            {
                kept.Add(resource.Key, resource);
                continue;
            }

            var at = InventoryDiagnostics.Of(resource.Provenance.Source);
            if (earlier.ContentHash == resource.ContentHash)
            {
                diagnostics.Report(InventoryDiagnostics.RepeatedResource(at, resource.Key, earlier.Provenance.Source));
                continue;
            }

            var laterWins = (resource.Provenance.CapturedAt, earlier.Provenance.CapturedAt) switch
            {
                ({ } now, { } then) => now >= then,
                _ => true,
            };
            var (winner, loser) = laterWins ? (resource, earlier) : (earlier, resource);
            diagnostics.Report(InventoryDiagnostics.DuplicateKey(at, resource.Key, winner.Provenance.Source, loser.Provenance.Source));
            kept[resource.Key] = winner;
        }

        return new ResourceInventory(
            [.. kept.Values.OrderBy(static r => r.Key, StringComparer.Ordinal)],
            [.. inputs.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Merges several inventories into one; duplicates are reported and resolved as by <see cref="Create"/>, later inventories winning ties.</summary>
    public static ResourceInventory Merge(IEnumerable<ResourceInventory> inventories, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(inventories);
        var all = inventories.ToList();
        return Create(all.SelectMany(static i => i.Resources), all.SelectMany(static i => i.Inputs), diagnostics);
    }

    /// <summary>This inventory and <paramref name="other"/> as one; see <see cref="Merge(IEnumerable{ResourceInventory}, IDiagnosticSink)"/>.</summary>
    public ResourceInventory Merge(ResourceInventory other, IDiagnosticSink diagnostics) => Merge([this, other], diagnostics);

    /// <summary>The resource with this key, or null.</summary>
    public CloudResource? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Whether a resource has this key.</summary>
    public bool Contains(string key) => _byKey.ContainsKey(key);

    /// <summary>Every resource of a type (<c>AWS::EC2::SecurityGroup</c>, or a pseudo-type), ordered by key; empty when none.</summary>
    public ImmutableArray<CloudResource> OfType(string type) => _byType.GetValueOrDefault(type, []);

    /// <summary>The resources of a type in one account, every region, ordered by key.</summary>
    public ImmutableArray<CloudResource> OfType(string type, string account) =>
        _byAccount.GetValueOrDefault((type, account), []);

    /// <summary>The resources of a type in one account and region (<c>global</c> for global resources and account settings), ordered by key.</summary>
    public ImmutableArray<CloudResource> OfType(string type, string account, string region) =>
        _byPlace.GetValueOrDefault((type, account, region), []);
}
