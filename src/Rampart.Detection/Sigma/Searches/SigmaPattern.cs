using System.Collections.Immutable;
using System.Text;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// A Sigma string value with its wildcards told apart from literal text: <c>*</c> and <c>?</c> are
/// wildcards, <c>\*</c>, <c>\?</c> and <c>\\</c> are the literal characters, and any other backslash
/// is itself.
/// </summary>
internal sealed class SigmaPattern
{
    private SigmaPattern(ImmutableArray<PatternPart> parts) => Parts = parts;

    /// <summary>Adjacent literals are merged, so a literal is never followed by another literal.</summary>
    public ImmutableArray<PatternPart> Parts { get; }

    public bool HasWildcards
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part.Kind != PatternPartKind.Literal)
                    return true;
            }

            return false;
        }
    }

    /// <summary>The text when there are no wildcards; otherwise null.</summary>
    public string? PlainText => HasWildcards ? null : Parts.IsEmpty ? string.Empty : Parts[0].Text;

    public static SigmaPattern Literal(string text) => new(text.Length == 0 ? [] : [new PatternPart(PatternPartKind.Literal, text)]);

    /// <summary>Reads a value as Sigma writes it, with wildcards and backslash escapes.</summary>
    public static SigmaPattern Parse(string raw)
    {
        var parts = ImmutableArray.CreateBuilder<PatternPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '*' or '?' or '\\')
            {
                literal.Append(raw[++i]);
            }
            else if (c is '*' or '?')
            {
                Flush(parts, literal);
                parts.Add(c == '*' ? PatternPart.AnyString : PatternPart.AnyChar);
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush(parts, literal);
        return new SigmaPattern(parts.ToImmutable());
    }

    public static SigmaPattern FromParts(IEnumerable<PatternPart> parts)
    {
        var merged = ImmutableArray.CreateBuilder<PatternPart>();
        var literal = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Kind == PatternPartKind.Literal)
            {
                literal.Append(part.Text);
                continue;
            }

            Flush(merged, literal);
            merged.Add(part);
        }

        Flush(merged, literal);
        return new SigmaPattern(merged.ToImmutable());
    }

    public SigmaPattern WithLeadingStar() =>
        !Parts.IsEmpty && Parts[0].Kind == PatternPartKind.AnyString ? this : new SigmaPattern(Parts.Insert(0, PatternPart.AnyString));

    public SigmaPattern WithTrailingStar() =>
        !Parts.IsEmpty && Parts[^1].Kind == PatternPartKind.AnyString ? this : new SigmaPattern(Parts.Add(PatternPart.AnyString));

    /// <summary>Replaces every literal by <paramref name="map"/>(literal); wildcards stay.</summary>
    public SigmaPattern MapLiterals(Func<string, string> map)
    {
        var parts = new List<PatternPart>(Parts.Length);
        foreach (var part in Parts)
            parts.Add(part.Kind == PatternPartKind.Literal ? part with { Text = map(part.Text) } : part);
        return FromParts(parts);
    }

    /// <summary>The value written back in Sigma's escaped form, for messages.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            if (part.Kind != PatternPartKind.Literal)
            {
                text.Append(part.Text);
                continue;
            }

            foreach (var c in part.Text)
            {
                if (c is '*' or '?' or '\\')
                    text.Append('\\');
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static void Flush(ImmutableArray<PatternPart>.Builder parts, StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        parts.Add(new PatternPart(PatternPartKind.Literal, literal.ToString()));
        literal.Clear();
    }
}
