namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// Literal text between two <c>*</c> of a pattern, in which some positions may be <c>?</c> (any one
/// character).
/// </summary>
internal sealed class PatternSegment(string text, bool[]? anyChar)
{
    public string Text { get; } = text;

    public int Length => Text.Length;

    public bool HasAnyChar => anyChar is not null;

    public bool MatchesAt(ReadOnlySpan<char> value, int index, bool cased)
    {
        var candidate = value.Slice(index, Text.Length);
        if (anyChar is null)
            return candidate.Equals(Text, cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < Text.Length; i++)
        {
            if (anyChar[i])
                continue;
            var a = candidate[i];
            var b = Text[i];
            if (a != b && (cased || char.ToUpperInvariant(a) != char.ToUpperInvariant(b)))
                return false;
        }

        return true;
    }

    /// <summary>The first index at or after <paramref name="start"/> where the segment matches and ends at or before <paramref name="limit"/>; -1 if none.</summary>
    public int IndexIn(ReadOnlySpan<char> value, int start, int limit, bool cased)
    {
        if (limit - start < Text.Length)
            return -1;
        if (anyChar is null)
        {
            var found = value[start..limit].IndexOf(Text, cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            return found < 0 ? -1 : start + found;
        }

        for (var i = start; i + Text.Length <= limit; i++)
        {
            if (MatchesAt(value, i, cased))
                return i;
        }

        return -1;
    }
}
