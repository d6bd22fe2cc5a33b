using System.Text;
using System.Text.RegularExpressions;
using Rampart.Core;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// Finds a run of plain characters that every match of a regular expression must contain, so that a value
/// without it is rejected by one vectorised search instead of a run of the regex engine. Sigma's <c>re</c>
/// values are searched unanchored and most start with <c>.*</c> or <c>.+</c>, which leave the engines no
/// prefix to search for; the literal in the middle is what tells values apart.
/// </summary>
/// <remarks>
/// The analysis is conservative: it only reads the top level of the pattern, gives up on any top-level
/// alternation, steps over groups and character classes without looking in, and keeps only ASCII
/// characters. Under case-insensitive matching, letters the regex engine folds together with non-ASCII
/// characters (k with the Kelvin sign, s with the long s) end a run, so that an ordinal case-insensitive
/// search never rejects a value the regex would match.
/// </remarks>
internal sealed class RequiredLiteral
{
    private const int MinLength = 3;

    private RequiredLiteral(List<string> texts, StringComparison comparison)
    {
        Text = texts[0];
        Others = [.. texts.Skip(1)];
        Comparison = comparison;
        Ascii = [.. texts.Select(System.Text.Encoding.ASCII.GetBytes)];
    }

    /// <summary>Every run's characters as bytes, the longest first; they are all ASCII.</summary>
    public byte[][] Ascii { get; }

    /// <summary>The longest run of characters every match contains.</summary>
    public string Text { get; }

    /// <summary>The other runs every match also contains (<c>/i-</c> beside <c>:assumed-role/</c>), longest first.</summary>
    public string[] Others { get; }

    /// <summary>How they are compared: ordinally, or ignoring ASCII case when the regex may ignore case.</summary>
    public StringComparison Comparison { get; }

    /// <summary>Whether <paramref name="value"/> contains every run, as any value the regex matches does.</summary>
    public bool IsIn(ReadOnlySpan<char> value)
    {
        if (!value.Contains(Text, Comparison))
            return false;
        foreach (var other in Others)
        {
            if (!value.Contains(other, Comparison))
                return false;
        }

        return true;
    }

    /// <summary>Whether the ASCII <paramref name="value"/> contains every run.</summary>
    public bool IsIn(ReadOnlySpan<byte> value)
    {
        foreach (var run in Ascii)
        {
            if (!AsciiText.Contains(value, run, Comparison == StringComparison.OrdinalIgnoreCase))
                return false;
        }

        return true;
    }

    /// <summary>The runs of characters every match contains, or null when there is none worth searching for.</summary>
    public static RequiredLiteral? Find(string pattern, RegexOptions options)
    {
        Guard.NotNull(pattern);
        // Free-spacing mode changes what whitespace and '#' mean; inline options may switch it on.
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0 || InlineFreeSpacing(pattern))
            return null;
        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0 || pattern.Contains("(?", StringComparison.Ordinal);
        var runs = new List<string>();
        var run = new StringBuilder();
        var lastIsLiteral = false;

        void EndRun()
        {
            if (run.Length >= MinLength && !runs.Contains(run.ToString()))
                runs.Add(run.ToString());
            run.Clear();
            lastIsLiteral = false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '|':
                    return null;
                case '(':
                    EndRun();
                    i = SkipGroup(pattern, i);
                    if (i < 0)
                        return null;
                    break;
                case '[':
                    EndRun();
                    i = SkipClass(pattern, i);
                    if (i < 0)
                        return null;
                    break;
                case ')':
                    return null;
                case '*' or '?':
                    // The atom before may be absent.
                    if (lastIsLiteral)
                        run.Length--;
                    EndRun();
                    break;
                case '{':
                    // A counted repeat may allow zero; keeping out of the details costs one character.
                    if (lastIsLiteral)
                        run.Length--;
                    EndRun();
                    i = pattern.IndexOf('}', i);
                    if (i < 0)
                        return null;
                    break;
                case '+':
                    // At least once: the character stays, but what follows may not come right after it.
                    EndRun();
                    break;
                case '.' or '^' or '$':
                    EndRun();
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                        return null;
                    var escaped = pattern[++i];
                    if (char.IsAsciiLetterOrDigit(escaped) || escaped > 0x7F)
                    {
                        // Classes, anchors, back-references and character codes: not decoded here.
                        EndRun();
                        if (escaped is 'p' or 'P' or 'k')
                            i = SkipName(pattern, i);
                        if (i < 0)
                            return null;
                    }
                    else
                    {
                        Append(escaped);
                    }

                    break;
                default:
                    Append(c);
                    break;
            }
        }

        EndRun();
        if (runs.Count == 0)
            return null;

        // Longest first: the rarest, most often the one that tells values apart.
        runs.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new RequiredLiteral(runs, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        void Append(char c)
        {
            if (!char.IsAscii(c) || char.IsControl(c) || (ignoreCase && c is 'k' or 'K' or 's' or 'S'))
            {
                EndRun();
                return;
            }

            run.Append(c);
            lastIsLiteral = true;
        }
    }

    private static bool InlineFreeSpacing(string pattern)
    {
        for (var i = pattern.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            for (var j = i + 2; j < pattern.Length && (char.IsAsciiLetter(pattern[j]) || pattern[j] == '-'); j++)
            {
                if (pattern[j] == 'x')
                    return true;
            }
        }

        return false;
    }

    // The index of the ')' closing the group that opens at start, or -1.
    private static int SkipGroup(string pattern, int start)
    {
        var depth = 0;
        for (var i = start; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    if (i < 0)
                        return -1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                        return i;
                    break;
            }
        }

        return -1;
    }

    // The index of the ']' closing the class that opens at start, or -1.
    private static int SkipClass(string pattern, int start)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^')
            i++;

        // A ']' first in a class is a member, not its end.
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
                i++;
            else if (pattern[i] == '[')
                return -1; // a subtraction such as [a-z-[aeiou]]: not followed here
            else if (pattern[i] == ']')
                return i;
        }

        return -1;
    }

    // After \p, \P or \k: the index of the closing '}' or '>' of the name that follows, else the letter itself.
    private static int SkipName(string pattern, int letter)
    {
        if (letter + 1 >= pattern.Length || pattern[letter + 1] is not ('{' or '<' or '\''))
            return letter;
        var close = pattern[letter + 1] switch { '{' => '}', '<' => '>', _ => '\'' };
        return pattern.IndexOf(close, letter + 2);
    }
}
