using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Exposure;

/// <summary>
/// For each statement, the actions of an <see cref="ActionUniverse"/> it covers on their probe resources, as a bit set;
/// computed once per statement and shared by every principal whose policies hold it. Not thread-safe: one per analysis.
/// </summary>
internal sealed class StatementBits(ActionUniverse universe)
{
    private readonly Dictionary<CompiledStatement, ulong[]> _bits = new(ReferenceEqualityComparer.Instance);

    public ActionUniverse Universe { get; } = universe;

    /// <summary>The actions the statement's Action (or NotAction) and Resource (or NotResource) cover, conditions aside.</summary>
    public ulong[] Of(CompiledStatement statement)
    {
        if (_bits.TryGetValue(statement, out var bits))
            return bits;
        bits = new ulong[Universe.Words];
        foreach (var index in Reachable(statement))
        {
            if (statement.MatchesAction(Universe.Names[index]) && statement.MatchesResource(Universe.Scopes[index]))
                bits[index >> 6] |= 1UL << (index & 63);
        }

        _bits[statement] = bits;
        return bits;
    }

    // The actions worth testing: those of the services the statement names, or all of them when it reaches across services.
    private IEnumerable<int> Reachable(CompiledStatement statement)
    {
        var source = statement.Statement;
        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exact = new List<int>();
        foreach (var action in source.Actions)
        {
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            if (source.IsNotAction || colon <= 0 || action.AsSpan(0, colon).IndexOfAny('*', '?') >= 0)
                return Enumerable.Range(0, Universe.Count);
            if (action.AsSpan(colon + 1).IndexOfAny('*', '?') >= 0)
                services.Add(action[..colon]);
            else if (Universe.TryIndex(action, out var index))
                exact.Add(index);
        }

        return services.SelectMany(Universe.OfService).Concat(exact).Distinct();
    }

    public static bool Has(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;
}
