using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>The text an event value is compared as, without allocating.</summary>
internal static class ValueText
{
    /// <summary>The text to compare; an object's JSON is decoded (see <see cref="MatchScratch.DecodeJsonText"/>).</summary>
    public static ReadOnlySpan<char> Of(in FieldValue value, TextNormalization normalization, MatchScratch scratch)
    {
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
}
