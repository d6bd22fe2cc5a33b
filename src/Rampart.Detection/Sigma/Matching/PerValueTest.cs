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

            // Strings still in the reader's buffer are often turned down on their bytes, without being decoded.
            if (DecidesOnAscii && value.TryGetAsciiUtf8(out var ascii) && RejectsAscii(Normalize(ascii)))
                continue;
            if (TestValue(value, ValueText.Of(value, Normalization, scratch)))
                return true;
        }

        return false;
    }

    protected abstract bool TestValue(in FieldValue value, ReadOnlySpan<char> text);

    /// <summary>Whether <see cref="RejectsAscii"/> can turn values down; false skips looking at their bytes.</summary>
    protected virtual bool DecidesOnAscii => false;

    /// <summary>
    /// Whether a string value whose text is exactly <paramref name="ascii"/> (ASCII, normalised) certainly fails the
    /// test; false when it may pass, and <see cref="TestValue"/> then decides on the decoded text.
    /// </summary>
    protected virtual bool RejectsAscii(ReadOnlySpan<byte> ascii) => false;

    private ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> ascii) =>
        Normalization == TextNormalization.TrimTrailingDot && ascii.Length > 1 && ascii[^1] == (byte)'.' ? ascii[..^1] : ascii;
}
