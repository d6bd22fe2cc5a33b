using System.Text;
using Rampart.Detection.Sigma.Searches;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A Sigma string compiled for matching. Exact, prefix, suffix and contains patterns are one span call
/// each; other patterns are matched segment by segment, taking each segment at its leftmost possible
/// place, which is exact for <c>*</c>-separated segments and needs neither a regex nor a timeout.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly PatternSegment[] _segments;
    private readonly bool _leadingStar;
    private readonly bool _trailingStar;
    private readonly StringComparison _comparison;

    private WildcardPattern(WildcardKind kind, string text, PatternSegment[] segments, bool leadingStar, bool trailingStar, bool cased, string display)
    {
        Kind = kind;
        Text = text;
        _segments = segments;
        _leadingStar = leadingStar;
        _trailingStar = trailingStar;
        Cased = cased;
        _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        Display = display;
    }

    public WildcardKind Kind { get; }

    /// <summary>The literal text for the simple kinds; empty for <see cref="WildcardKind.Any"/> and <see cref="WildcardKind.General"/>.</summary>
    public string Text { get; }

    public bool Cased { get; }

    /// <summary>The pattern in Sigma's escaped form.</summary>
    public string Display { get; }

    public static WildcardPattern Compile(SigmaPattern pattern, bool cased)
    {
        var segments = new List<PatternSegment>();
        var text = new StringBuilder();
        List<bool>? mask = null;
        var stars = 0;
        foreach (var part in pattern.Parts)
        {
            switch (part.Kind)
            {
                case PatternPartKind.AnyString:
                    stars++;
                    AddSegment(segments, text, ref mask);
                    break;
                case PatternPartKind.AnyChar:
                    mask ??= [.. Enumerable.Repeat(false, text.Length)];
                    mask.Add(true);
                    text.Append('?');
                    break;
                default:
                    mask?.AddRange(Enumerable.Repeat(false, part.Text.Length));
                    text.Append(part.Text);
                    break;
            }
        }

        AddSegment(segments, text, ref mask);
        var parts = pattern.Parts;
        var leading = !parts.IsEmpty && parts[0].Kind == PatternPartKind.AnyString;
        var trailing = !parts.IsEmpty && parts[^1].Kind == PatternPartKind.AnyString;
        var display = pattern.ToString();

        if (segments.Count == 0)
            return new WildcardPattern(stars > 0 ? WildcardKind.Any : WildcardKind.Exact, string.Empty, [], leading, trailing, cased, display);
        if (segments.Count == 1 && !segments[0].HasAnyChar)
        {
            var kind = (leading, trailing) switch
            {
                (false, false) => WildcardKind.Exact,
                (false, true) => WildcardKind.Prefix,
                (true, false) => WildcardKind.Suffix,
                _ => WildcardKind.Contains,
            };
            return new WildcardPattern(kind, segments[0].Text, [], leading, trailing, cased, display);
        }

        return new WildcardPattern(WildcardKind.General, string.Empty, [.. segments], leading, trailing, cased, display);
    }

    public bool IsMatch(ReadOnlySpan<char> value) => Kind switch
    {
        WildcardKind.Exact => value.Equals(Text, _comparison),
        WildcardKind.Prefix => value.StartsWith(Text, _comparison),
        WildcardKind.Suffix => value.EndsWith(Text, _comparison),
        WildcardKind.Contains => value.Contains(Text, _comparison),
        WildcardKind.Any => true,
        _ => IsGeneralMatch(value),
    };

    private static void AddSegment(List<PatternSegment> segments, StringBuilder text, ref List<bool>? mask)
    {
        if (text.Length > 0)
            segments.Add(new PatternSegment(text.ToString(), mask?.ToArray()));
        text.Clear();
        mask = null;
    }

    private bool IsGeneralMatch(ReadOnlySpan<char> value)
    {
        var first = 0;
        var last = _segments.Length - 1;
        var position = 0;
        var limit = value.Length;
        if (!_leadingStar)
        {
            var head = _segments[0];
            if (head.Length > value.Length || !head.MatchesAt(value, 0, Cased))
                return false;
            if (_segments.Length == 1 && !_trailingStar)
                return head.Length == value.Length;
            position = head.Length;
            first = 1;
        }

        if (!_trailingStar)
        {
            var tail = _segments[last];
            limit = value.Length - tail.Length;
            if (limit < position || !tail.MatchesAt(value, limit, Cased))
                return false;
            last--;
        }

        for (var i = first; i <= last; i++)
        {
            var found = _segments[i].IndexIn(value, position, limit, Cased);
            if (found < 0)
                return false;
            position = found + _segments[i].Length;
        }

        return true;
    }
}
