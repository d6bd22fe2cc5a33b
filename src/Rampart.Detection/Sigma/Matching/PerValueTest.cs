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
            if (value.IsNull)
                continue;

            // Strings still in the reader's buffer are often turned down on their bytes, without being decoded, and
            // some tests accept them there too; the others read them widened, without making their string.
            if (value.TryGetAsciiUtf8(out var ascii))
            {
                ascii = ValueText.Normalize(ascii, Normalization);
                if (DecidesOnAscii)
                {
                    if (RejectsAscii(ascii))
                        continue;
                    if (AcceptsWhatAsciiDoesNotReject)
                        return true;
                }

                if (TestValue(value, scratch.Widen(ascii)))
                    return true;
                continue;
            }

            if (TestValue(value, ValueText.Of(value, Normalization, scratch)))
                return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/>, whose normalised text is <paramref name="text"/>, passes; the text is valid only during the call.</summary>
    protected abstract bool TestValue(in FieldValue value, ReadOnlySpan<char> text);

    /// <summary>Whether <see cref="RejectsAscii"/> can turn values down; false skips looking at their bytes.</summary>
    protected virtual bool DecidesOnAscii => false;

    /// <summary>Whether a value <see cref="RejectsAscii"/> does not turn down passes: the bytes decide both ways.</summary>
    protected virtual bool AcceptsWhatAsciiDoesNotReject => false;

    /// <summary>
    /// Whether a string value whose text is exactly <paramref name="ascii"/> (ASCII, normalised) certainly fails the
    /// test; false when it may pass, and <see cref="TestValue"/> then decides on the decoded text.
    /// </summary>
    protected virtual bool RejectsAscii(ReadOnlySpan<byte> ascii) => false;
}
