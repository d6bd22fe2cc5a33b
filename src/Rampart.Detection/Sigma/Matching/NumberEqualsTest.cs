using System.Globalization;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A number written unquoted in a rule: equal to an event number or numeric string of the same value
/// (<c>443</c> matches <c>443</c>, <c>"443"</c> and <c>443.0</c>), or to a text written the same way.
/// </summary>
internal sealed class NumberEqualsTest(double number, string text, TextNormalization normalization) : PerValueTest(normalization)
{
    public string Text { get; } = text;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        if (value.Kind is FieldValueKind.Number or FieldValueKind.String &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return parsed == number;
        return text.Equals(Text, StringComparison.OrdinalIgnoreCase);
    }
}
