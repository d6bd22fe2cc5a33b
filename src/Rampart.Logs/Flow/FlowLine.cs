using System.Buffers;
using System.Text;

namespace Rampart.Logs.Flow;

/// <summary>Splitting and recognising the lines of the flow log text format.</summary>
internal static class FlowLine
{
    private static readonly SearchValues<byte> Separators = SearchValues.Create(" \t"u8);

    private static readonly byte[][] RecordWords = ["ACCEPT"u8.ToArray(), "REJECT"u8.ToArray(), "OK"u8.ToArray(), "NODATA"u8.ToArray(), "SKIPDATA"u8.ToArray()];

    /// <summary>Splits <paramref name="line"/> at runs of spaces into start/length pairs in <paramref name="bounds"/> (grown as needed); returns the field count.</summary>
    public static int Split(ReadOnlySpan<byte> line, ref int[] bounds)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            var skip = line[i..].IndexOfAnyExcept(Separators);
            if (skip < 0)
                break;
            i += skip;
            var length = line[i..].IndexOfAny(Separators);
            if (length < 0)
                length = line.Length - i;
            if ((2 * count) + 2 > bounds.Length)
                Array.Resize(ref bounds, bounds.Length * 2);
            bounds[2 * count] = i;
            bounds[(2 * count) + 1] = length;
            count++;
            i += length;
        }

        return count;
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a header: every word a field-like name (lower case, digits, hyphens) and
    /// at least half of them fields AWS defines (so that future fields are accepted, and data never is).
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> line, out List<string> names)
    {
        names = [];
        if (line.IsEmpty || line[0] is < (byte)'a' or > (byte)'z')
            return false;
        var bounds = new int[64];
        var count = Split(line, ref bounds);
        var known = 0;
        for (var i = 0; i < count; i++)
        {
            var word = line.Slice(bounds[2 * i], bounds[(2 * i) + 1]);
            if (!IsName(word))
                return false;
            var name = Encoding.ASCII.GetString(word);
            if (FlowFields.Known.Contains(name))
                known++;
            names.Add(name);
        }

        return known > 0 && known * 2 >= count;
    }

    /// <summary>Whether <paramref name="line"/> looks like a flow record written without a header: a version number first, and a known field count or an action or log status among its words.</summary>
    public static bool LooksLikeRecord(ReadOnlySpan<byte> line)
    {
        var bounds = new int[128];
        var count = Split(line, ref bounds);
        if (count < 2 || !IsWholeNumber(line.Slice(bounds[0], bounds[1])))
            return false;
        if (FlowFields.HeaderlessLayouts.Contains(count))
            return true;
        for (var i = 1; i < count; i++)
        {
            var word = line.Slice(bounds[2 * i], bounds[(2 * i) + 1]);
            foreach (var known in RecordWords)
            {
                if (word.SequenceEqual(known))
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> is one or more ASCII digits.</summary>
    public static bool IsWholeNumber(ReadOnlySpan<byte> value) =>
        value.Length is > 0 and <= 20 && value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private static bool IsName(ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty || word[0] is < (byte)'a' or > (byte)'z')
            return false;
        foreach (var b in word)
        {
            if (b is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-'))
                return false;
        }

        return true;
    }
}
