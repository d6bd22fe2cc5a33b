using System.Text;

namespace Rampart.Iam.Evaluation;

/// <summary>
/// IAM wildcard patterns: <c>*</c> matches any run of characters, <c>?</c> any one. A backslash makes the next character
/// literal, which is how escaped <c>${*}</c> and values of policy variables reach the matcher.
/// </summary>
internal static class Wildcard
{
    /// <summary>Escapes <paramref name="text"/> so every character matches only itself.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('*', '?', '\\') < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Escapes backslashes only, leaving <c>*</c> and <c>?</c> as wildcards: for pattern text written in a policy.</summary>
    public static string FromPolicy(string text) =>
        text.Contains('\\', StringComparison.Ordinal) ? text.Replace("\\", "\\\\", StringComparison.Ordinal) : text;

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> entirely.</summary>
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase)
    {
        int p = 0, v = 0;
        int starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    starP = ++p;
                    starV = v;
                    continue;
                }

                if (c == '?')
                {
                    p++;
                    v++;
                    continue;
                }

                var literalLength = 1;
                if (c == '\\' && p + 1 < pattern.Length)
                {
                    c = pattern[p + 1];
                    literalLength = 2;
                }

                if (Same(c, value[v], ignoreCase))
                {
                    p += literalLength;
                    v++;
                    continue;
                }
            }

            if (starP < 0)
                return false;
            p = starP;
            v = ++starV;
        }

        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
