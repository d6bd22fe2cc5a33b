using System.Runtime.InteropServices;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A <c>fieldref</c> value: some value of the field compares with some value of the referenced field of
/// the same event (equal, or starts with / ends with / contains it). Negated (<c>fieldref|neq</c>): both
/// fields have values and no pair compares. Either field absent: no match, negated or not.
/// </summary>
internal sealed class FieldReferenceTest(
    FieldPath reference,
    TextNormalization normalization,
    TextNormalization referenceNormalization,
    FieldReferenceMode mode,
    bool cased,
    bool negate) : ValueTest
{
    private readonly StringComparison _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public FieldPath Reference { get; } = reference;

    public override bool Test(ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch)
    {
        if (values.IsEmpty)
            return false;
        var references = scratch.References;
        references.Clear();
        logEvent.CollectValues(Reference, references);
        var others = CollectionsMarshal.AsSpan(references);
        var compared = false;
        foreach (ref readonly var value in values)
        {
            if (value.IsNull)
                continue;
            var text = ValueText.Of(value, normalization);
            foreach (ref readonly var other in others)
            {
                if (other.IsNull)
                    continue;
                if (Compare(text, ValueText.Of(other, referenceNormalization)))
                    return !negate;
                compared = true;
            }
        }

        return negate && compared;
    }

    private bool Compare(ReadOnlySpan<char> text, ReadOnlySpan<char> other) => mode switch
    {
        FieldReferenceMode.Equals => text.Equals(other, _comparison),
        FieldReferenceMode.StartsWith => text.StartsWith(other, _comparison),
        FieldReferenceMode.EndsWith => text.EndsWith(other, _comparison),
        _ => text.Contains(other, _comparison),
    };
}
