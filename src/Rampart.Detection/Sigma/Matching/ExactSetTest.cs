using System.Collections.Frozen;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// Many case-insensitive exact values of one field (<c>eventName: [A, B, …]</c>), looked up in a set
/// instead of compared one by one.
/// </summary>
internal sealed class ExactSetTest : PerValueTest
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ExactSetTest(IEnumerable<string> values, TextNormalization normalization)
        : base(normalization)
    {
        Values = values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = Values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public FrozenSet<string> Values { get; }

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text) => _lookup.Contains(text);
}
