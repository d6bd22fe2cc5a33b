using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A string value, with wildcards, compared with the event's text (strings, numbers, booleans, object JSON).</summary>
internal sealed class TextPatternTest(WildcardPattern pattern, TextNormalization normalization) : PerValueTest(normalization)
{
    // The pattern's literal as bytes, for the simple kinds when it is ASCII.
    private readonly byte[]? _ascii = pattern.Kind is WildcardKind.Exact or WildcardKind.Prefix or WildcardKind.Suffix or WildcardKind.Contains
        ? AsciiText.BytesOf(pattern.Text)
        : null;

    public WildcardPattern Pattern { get; } = pattern;

    protected override bool DecidesOnAscii => _ascii is not null;

    // An ASCII literal compared ordinally with ASCII bytes: what the bytes say is what the text would.
    protected override bool AcceptsWhatAsciiDoesNotReject => true;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text) => Pattern.IsMatch(text);

    protected override bool RejectsAscii(ReadOnlySpan<byte> ascii)
    {
        var literal = _ascii.AsSpan();
        var ignoreCase = !Pattern.Cased;
        return Pattern.Kind switch
        {
            WildcardKind.Exact => !AsciiText.Equals(ascii, literal, ignoreCase),
            WildcardKind.Prefix => ascii.Length < literal.Length || !AsciiText.Equals(ascii[..literal.Length], literal, ignoreCase),
            WildcardKind.Suffix => ascii.Length < literal.Length || !AsciiText.Equals(ascii[^literal.Length..], literal, ignoreCase),
            _ => !AsciiText.Contains(ascii, literal, ignoreCase),
        };
    }
}
