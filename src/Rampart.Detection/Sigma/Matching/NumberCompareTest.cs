using System.Globalization;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>An ordering against a number; event values that are not numbers (or numeric strings) never match.</summary>
internal sealed class NumberCompareTest(CompareOperator op, double bound, TextNormalization normalization) : PerValueTest(normalization)
{
    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        if (value.Kind is not (FieldValueKind.Number or FieldValueKind.String) ||
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        return op switch
        {
            CompareOperator.LessThan => number < bound,
            CompareOperator.LessOrEqual => number <= bound,
            CompareOperator.GreaterThan => number > bound,
            _ => number >= bound,
        };
    }
}
