using System.Buffers;

namespace Rampart.Core.Events;

/// <summary>
/// Steps over values of JSON that a <see cref="System.Text.Json.Utf8JsonReader"/> has already validated, looking only
/// at the few bytes that matter (quotes, backslashes, brackets) instead of parsing a second time. Only ever given
/// validated bytes: on anything else the positions it returns mean nothing.
/// </summary>
internal static class ValidJson
{
    // How far a string is looked at byte by byte before a vectorised search takes over.
    private const int ShortString = 32;

    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>The first position at or after <paramref name="index"/> that is not whitespace.</summary>
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int index)
    {
        // Compact JSON has none: look at the byte before paying for a search.
        if (index < json.Length && json[index] > (byte)' ')
            return index;
        var next = json[index..].IndexOfAnyExcept(Whitespace);
        return next < 0 ? json.Length : index + next;
    }

    /// <summary>The position just after the value that starts at <paramref name="index"/>.</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int index) => json[index] switch
    {
        (byte)'"' => SkipString(json, index, out _),
        (byte)'{' or (byte)'[' => SkipContainer(json, index),
        _ => SkipScalar(json, index),
    };

    /// <summary>The position just after the string that starts at <paramref name="index"/>, and whether it holds escapes.</summary>
    public static int SkipString(ReadOnlySpan<byte> json, int index, out bool escaped)
    {
        escaped = false;
        var i = index + 1;

        // Most strings in log records are short: look at their bytes before paying for a search.
        for (var end = Math.Min(json.Length, i + ShortString); i < end; i++)
        {
            var c = json[i];
            if (c == (byte)'"')
                return i + 1;
            if (c == (byte)'\\')
            {
                escaped = true;
                i++;
            }
        }

        while (true)
        {
            i += json[i..].IndexOfAny(StringEnd);
            if (json[i] == (byte)'"')
                return i + 1;

            // A backslash and the byte it escapes; the hex digits of \u hold no quote or backslash.
            escaped = true;
            i += 2;
        }
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int index)
    {
        // Numbers, true, false and null: a handful of bytes.
        var i = index;
        while (i < json.Length && json[i] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            i++;
        return i;
    }

    private static int SkipContainer(ReadOnlySpan<byte> json, int index)
    {
        // Byte by byte: in the nested objects of log records strings are short, and a search per string costs more
        // than looking at each byte.
        var depth = 0;
        var inString = false;
        for (var i = index; ; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == (byte)'\\')
                    i++;
                else if (c == (byte)'"')
                    inString = false;
                continue;
            }

            switch (c)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                        return i + 1;
                    break;
            }
        }
    }
}
