using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>The text an event value is compared as, without allocating.</summary>
internal static class ValueText
{
    /// <summary>
    /// The text to compare, valid until the scratch is next used: a plain ASCII string of a record is widened from its
    /// bytes without making its string; an object's JSON is decoded (see <see cref="MatchScratch.DecodeJsonText"/>).
    /// </summary>
    public static ReadOnlySpan<char> Of(in FieldValue value, TextNormalization normalization, MatchScratch scratch)
    {
        if (value.Kind == FieldValueKind.String && value.TryGetAsciiUtf8(out var ascii))
            return scratch.Widen(Normalize(ascii, normalization));
        if (value.Kind == FieldValueKind.Object && value.Text is { } json && json.Contains('\\', StringComparison.Ordinal))
            return scratch.DecodeJsonText(json);
        return Of(value, normalization);
    }

    /// <summary>The text as written, normalised.</summary>
    public static ReadOnlySpan<char> Of(in FieldValue value, TextNormalization normalization)
    {
        var text = value.Text.AsSpan();
        if (normalization == TextNormalization.TrimTrailingDot && value.Kind == FieldValueKind.String && text.Length > 1 && text[^1] == '.')
            return text[..^1];
        return text;
    }

    /// <summary>The bytes of a plain ASCII string, normalised as <see cref="Of(in FieldValue, TextNormalization)"/> normalises its text.</summary>
    public static ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> ascii, TextNormalization normalization) =>
        normalization == TextNormalization.TrimTrailingDot && ascii.Length > 1 && ascii[^1] == (byte)'.' ? ascii[..^1] : ascii;
}
