namespace Rampart.Detection.Sigma.Searches;

/// <summary>A piece of a Sigma string: literal text or a wildcard.</summary>
internal readonly record struct PatternPart(PatternPartKind Kind, string Text)
{
    public static PatternPart AnyString { get; } = new(PatternPartKind.AnyString, "*");

    public static PatternPart AnyChar { get; } = new(PatternPartKind.AnyChar, "?");
}
