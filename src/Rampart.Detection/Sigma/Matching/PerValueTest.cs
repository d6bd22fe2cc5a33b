using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A test that holds when any single non-null event value satisfies it (arrays match by any element).</summary>
internal abstract class PerValueTest(TextNormalization normalization) : ValueTest
{
    public TextNormalization Normalization { get; } = normalization;

    public sealed override bool Test(ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch)
    {
        foreach (ref readonly var value in values)
        {
            if (!value.IsNull && TestValue(value, ValueText.Of(value, Normalization, scratch)))
                return true;
        }

        return false;
    }

    protected abstract bool TestValue(in FieldValue value, ReadOnlySpan<char> text);
}
