using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A string value, with wildcards, compared with the event's text (strings, numbers, booleans, object JSON).</summary>
internal sealed class TextPatternTest(WildcardPattern pattern, TextNormalization normalization) : PerValueTest(normalization)
{
    public WildcardPattern Pattern { get; } = pattern;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text) => Pattern.IsMatch(text);
}
