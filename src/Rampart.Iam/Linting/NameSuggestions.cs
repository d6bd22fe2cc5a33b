namespace Rampart.Iam.Linting;

/// <summary>The known name nearest to a misspelt one, by edit distance ignoring case, as IAM compares names.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="text"/> within a distance that grows with its length (1 up to 7
    /// characters, then 2); of equally near ones, the first. Null when none is near enough.
    /// </summary>
    public static string? Nearest(string text, IEnumerable<string> candidates)
    {
        var limit = text.Length < 8 ? 1 : 2;
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - text.Length) >= bestDistance)
                continue;
            var distance = Distance(text, candidate, bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Levenshtein distance over upper-cased characters, giving up (returning the bound) once every path exceeds it.
    private static int Distance(string a, string b, int bound)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum >= bound)
                return bound;
            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
