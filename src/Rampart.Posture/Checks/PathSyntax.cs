using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>
/// Reads the subset of JMESPath that covers nearly every check — field chains (bare or quoted), <c>[N]</c>,
/// <c>[*]</c>, <c>[]</c>, <c>[?field op literal]</c> and <c>@</c> — into steps that evaluate straight over
/// <see cref="JsonElement"/>s without copying. Anything else (functions, pipes, multi-selects, <c>||</c>, a projection
/// inside a projection) returns null and the path is evaluated by JmesPath.Net instead, which has already checked that
/// it is valid JMESPath.
/// </summary>
internal static class PathSyntax
{
    public static ImmutableArray<PathStep>? TryRead(string text)
    {
        var steps = ImmutableArray.CreateBuilder<PathStep>();
        var position = 0;
        var projecting = false;
        var expectField = true;
        while (position < text.Length)
        {
            var c = text[position];
            if (expectField)
            {
                if (c == '@')
                {
                    steps.Add(new PathStep(PathStepKind.Current));
                    position++;
                }
                else if (!TryField(text, ref position, out var name))
                {
                    return null;
                }
                else
                {
                    steps.Add(new PathStep(PathStepKind.Field, name));
                }

                expectField = false;
                continue;
            }

            if (c == '.')
            {
                position++;
                expectField = true;
                if (position < text.Length && text[position] == '@')
                    return null;
                continue;
            }

            if (c != '[')
                return null;
            var close = ClosingBracket(text, position);
            if (close < 0)
                return null;
            var inside = text.AsSpan(position + 1, close - position - 1).Trim();
            position = close + 1;
            if (inside.IsEmpty)
            {
                steps.Add(new PathStep(PathStepKind.Flatten));
                projecting = true;
            }
            else if (inside is "*")
            {
                if (projecting)
                    return null;
                steps.Add(new PathStep(PathStepKind.ListWildcard));
                projecting = true;
            }
            else if (inside[0] == '?')
            {
                if (projecting || ReadFilter(inside[1..].Trim().ToString()) is not { } filter)
                    return null;
                steps.Add(new PathStep(PathStepKind.Filter, Filter: filter));
                projecting = true;
            }
            else if (int.TryParse(inside, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                steps.Add(new PathStep(PathStepKind.Index, Index: index));
            }
            else
            {
                return null;
            }
        }

        return expectField ? null : steps.ToImmutable();
    }

    /// <summary>Whether the steps produce a list by projection (as opposed to selecting one value, which may itself be a list).</summary>
    public static bool Projects(ImmutableArray<PathStep> steps) =>
        steps.Any(static s => s.Kind is PathStepKind.ListWildcard or PathStepKind.Flatten or PathStepKind.Filter);

    private static bool TryField(string text, ref int position, out string name)
    {
        name = "";
        if (position >= text.Length)
            return false;
        if (text[position] == '"')
        {
            var end = position + 1;
            while (end < text.Length && text[end] != '"')
                end += text[end] == '\\' ? 2 : 1;
            if (end >= text.Length)
                return false;
            try
            {
                name = JsonSerializer.Deserialize<string>(text.AsSpan(position, end - position + 1)) ?? "";
            }
            catch (JsonException)
            {
                return false;
            }

            position = end + 1;
            return true;
        }

        var start = position;
        if (!(char.IsAsciiLetter(text[position]) || text[position] == '_'))
            return false;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            position++;
        name = text[start..position];
        return true;
    }

    private static int ClosingBracket(string text, int open)
    {
        char? quote = null;
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                    i++;
                else if (c == q)
                    quote = null;
            }
            else if (c is '\'' or '`' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                return -1;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static PathFilter? ReadFilter(string text)
    {
        string[] comparisons = ["==", "!=", "<=", ">=", "<", ">"];
        string? comparison = null;
        var at = -1;
        foreach (var candidate in comparisons)
        {
            at = IndexOutsideQuotes(text, candidate);
            if (at >= 0)
            {
                comparison = candidate;
                break;
            }
        }

        var left = (comparison is null ? text : text[..at]).Trim();
        var fields = ImmutableArray.CreateBuilder<string>();
        if (left != "@")
        {
            var position = 0;
            while (true)
            {
                if (!TryField(left, ref position, out var name))
                    return null;
                fields.Add(name);
                if (position == left.Length)
                    break;
                if (left[position] != '.')
                    return null;
                position++;
            }
        }

        if (comparison is null)
            return text.Contains("&&", StringComparison.Ordinal) || text.Contains("||", StringComparison.Ordinal) || text.Contains('!', StringComparison.Ordinal)
                ? null
                : new PathFilter(fields.ToImmutable(), null, default);
        var right = text[(at + comparison.Length)..].Trim();
        JsonElement literal;
        if (right.Length >= 2 && right[0] == '\'' && right[^1] == '\'')
        {
            var raw = new StringBuilder();
            for (var i = 1; i < right.Length - 1; i++)
            {
                if (right[i] == '\\' && i + 1 < right.Length - 1 && right[i + 1] == '\'')
                    i++;
                else if (right[i] == '\'')
                    return null;
                raw.Append(right[i]);
            }

            literal = JsonSerializer.SerializeToElement(raw.ToString());
        }
        else if (right.Length >= 2 && right[0] == '`' && right[^1] == '`')
        {
            try
            {
                using var document = JsonDocument.Parse(right[1..^1].Replace("\\`", "`", StringComparison.Ordinal));
                literal = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        return new PathFilter(fields.ToImmutable(), comparison, literal);
    }

    private static int IndexOutsideQuotes(string text, string token)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                    i++;
                else if (c == q)
                    quote = null;
            }
            else if (c is '\'' or '`' or '"')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                // "<" must not be read out of "<=", nor "=" out of "==": the longer forms are tried first.
                return i;
            }
        }

        return -1;
    }
}
