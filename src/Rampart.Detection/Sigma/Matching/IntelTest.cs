using Rampart.Core.Events;
using Rampart.Detection.Intel;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>An <c>intel</c> value: the event value is an address or name on the threat-intelligence list.</summary>
internal sealed class IntelTest(IntelList list, TextNormalization normalization) : PerValueTest(normalization)
{
    public IntelList List { get; } = list;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text) =>
        value.Kind == FieldValueKind.String && List.TryMatch(text, out _);
}
