using System.Collections.Frozen;
using Rampart.Core.Events;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Indexing;

/// <summary>
/// One looked-up field of a source type's index: value (case-insensitive) to the rules keyed on it, and the prefixes
/// rules are keyed on, each tried in turn (a few per field).
/// </summary>
internal sealed class IndexedField
{
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IndexedField(IndexField field, Dictionary<string, List<int>> rules, Dictionary<string, List<int>> prefixes)
    {
        Prefixes = [.. prefixes.Select(pair => (pair.Key, pair.Value.ToArray()))];
        Path = FieldPath.Parse(field.Name);
        Normalization = field.Normalization;
        var frozen = new Dictionary<string, int[]>(rules.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in rules)
            frozen[pair.Key] = [.. pair.Value];
        _lookup = frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public FieldPath Path { get; }

    public TextNormalization Normalization { get; }

    /// <summary>Prefixes and the rules keyed on each.</summary>
    public (string Prefix, int[] Rules)[] Prefixes { get; }

    public bool TryGetRules(ReadOnlySpan<char> value, out int[] rules) => _lookup.TryGetValue(value, out rules!);

    /// <summary><see cref="RulesOf"/> as a delegate made once.</summary>
    public Func<string, int[]> RulesOfValue => _rulesOfValue ??= RulesOf;

    private Func<string, int[]>? _rulesOfValue;

    /// <summary>Every rule keyed on <paramref name="value"/>, by the value or by a prefix of it, in rule order.</summary>
    /// <remarks>Mostly one list the index holds already; only a value keyed both ways (or by several prefixes) makes one.</remarks>
    public int[] RulesOf(string value)
    {
        var rules = TryGetRules(value, out var exact) ? exact : [];
        foreach (var (prefix, prefixed) in Prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                rules = rules.Length == 0 ? prefixed : [.. rules.Union(prefixed).Order()];
        }

        return rules;
    }
}
