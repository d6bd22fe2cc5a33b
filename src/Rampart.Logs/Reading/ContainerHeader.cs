using System.Buffers;
using Rampart.Logs.Sources;

namespace Rampart.Logs.Reading;

/// <summary>
/// Recognises, from its first bytes, an object that holds an array of records (<c>{"Records":[</c>,
/// <c>{"findings":[</c>, <c>{"QueryStatus":"FINISHED",…,"QueryResultRows":[</c>), so that the array can be walked
/// record by record instead of parsing the whole file as one value.
/// </summary>
internal static class ContainerHeader
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    /// <summary>Matches <paramref name="data"/>, which starts with <c>{</c>.</summary>
    /// <param name="data">The bytes from the object's opening brace.</param>
    /// <param name="kind">The container found.</param>
    /// <param name="name">The container property as written.</param>
    /// <param name="length">The length of the header, up to and including the array's opening bracket.</param>
    public static HeaderMatch Match(ReadOnlySpan<byte> data, out ContainerKind kind, out string name, out int length)
    {
        kind = ContainerKind.None;
        name = "";
        length = 0;
        var i = 1;
        while (true)
        {
            if (!SkipWhitespace(data, ref i))
                return HeaderMatch.NeedMoreData;
            if (data[i] != (byte)'"')
                return HeaderMatch.No;
            var close = data[(i + 1)..].IndexOfAny(StringEnd);
            if (close < 0)
                return HeaderMatch.NeedMoreData;
            if (data[i + 1 + close] == (byte)'\\')
                return HeaderMatch.No;
            var key = data.Slice(i + 1, close);
            i += close + 2;
            if (!SkipWhitespace(data, ref i))
                return HeaderMatch.NeedMoreData;
            if (data[i] != (byte)':')
                return HeaderMatch.No;
            i++;
            if (!SkipWhitespace(data, ref i))
                return HeaderMatch.NeedMoreData;

            var container = KindOf(key);
            if (container != ContainerKind.None)
            {
                if (data[i] != (byte)'[')
                    return HeaderMatch.No;
                kind = container;
                name = System.Text.Encoding.ASCII.GetString(key);
                length = i + 1;
                return HeaderMatch.Yes;
            }

            // Only the small properties that precede the rows of CLI outputs are stepped over; anything else is a record.
            if (!IsWrapperProperty(key))
                return HeaderMatch.No;
            var scanner = new JsonValueScanner();
            if (scanner.Scan(data[i..], stopAtNewline: false) != ScanResult.Complete)
                return HeaderMatch.NeedMoreData;
            i += scanner.Position;
            if (!SkipWhitespace(data, ref i))
                return HeaderMatch.NeedMoreData;
            if (data[i] != (byte)',')
                return HeaderMatch.No;
            i++;
        }
    }

    private static bool SkipWhitespace(ReadOnlySpan<byte> data, ref int i)
    {
        var next = data[i..].IndexOfAnyExcept(Whitespace);
        if (next < 0)
            return false;
        i += next;
        return true;
    }

    private static ContainerKind KindOf(ReadOnlySpan<byte> key) => key switch
    {
        _ when key.SequenceEqual("Records"u8) => ContainerKind.Records,
        _ when key.SequenceEqual("findings"u8) || key.SequenceEqual("Findings"u8) => ContainerKind.Findings,
        _ when key.SequenceEqual("QueryResultRows"u8) => ContainerKind.QueryResultRows,
        _ => ContainerKind.None,
    };

    private static bool IsWrapperProperty(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("QueryStatus"u8) || key.SequenceEqual("QueryStatistics"u8) || key.SequenceEqual("NextToken"u8) || key.SequenceEqual("ErrorMessage"u8);
}
