using System.Collections.Frozen;
using Rampart.Core.Events;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Indexing;

/// <summary>One looked-up field of a source type's index: value (case-insensitive) to the rules keyed on it.</summary>
internal sealed class IndexedField
{
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IndexedField(IndexField field, Dictionary<string, List<int>> rules)
    {
        Path = FieldPath.Parse(field.Name);
        Normalization = field.Normalization;
        var frozen = new Dictionary<string, int[]>(rules.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in rules)
            frozen[pair.Key] = [.. pair.Value];
        _lookup = frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public FieldPath Path { get; }

    public TextNormalization Normalization { get; }

    public bool TryGetRules(ReadOnlySpan<char> value, out int[] rules) => _lookup.TryGetValue(value, out rules!);
}
