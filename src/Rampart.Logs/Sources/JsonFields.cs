using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>Small, allocation-light reads of optional fields, for the summaries.</summary>
internal static class JsonFields
{
    /// <summary>A string (or a number, as written) in the top-level property <paramref name="name"/>; null when absent, empty or of another kind.</summary>
    public static string? Text(JsonLogEvent record, ReadOnlySpan<byte> name) =>
        record.TryGetText(name, out var text) && text.Length > 0 ? text : null;

    /// <summary>A string (or a number, as written) at <paramref name="path"/>, through objects only; null when absent, empty or of another kind.</summary>
    public static string? Text(JsonLogEvent record, FieldPath path) =>
        record.TryGetText(path, out var text) && text.Length > 0 ? text : null;

    /// <summary>A timestamp in the top-level property <paramref name="name"/>: ISO 8601 (with or without the <c>T</c>), or epoch seconds.</summary>
    public static DateTimeOffset? Time(JsonLogEvent record, ReadOnlySpan<byte> name)
    {
        // The usual `2024-03-05T10:15:30Z` is read off its bytes: no string is made for a value that seldom repeats.
        if (record.TryGetAscii(name, out var ascii) && TryParseUtcSeconds(ascii, out var utc))
            return utc;
        return ParseTime(Text(record, name));
    }

    /// <summary>A string at the top-level property <paramref name="name"/> that no other record repeats (an id); null when absent or empty.</summary>
    public static string? UniqueText(JsonLogEvent record, ReadOnlySpan<byte> name) =>
        record.TryGetUniqueText(name, out var text) && text.Length > 0 ? text : null;

    /// <summary>The property <paramref name="name"/> of <paramref name="element"/> when it is an object, else default.</summary>
    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    /// <summary>A string (or a number, as written) at <paramref name="name"/>; null when absent, empty or of another kind.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A timestamp at <paramref name="name"/>: ISO 8601 (with or without the <c>T</c>), or epoch seconds.</summary>
    public static DateTimeOffset? Time(JsonElement element, string name) => ParseTime(Text(element, name));

    /// <summary>Reads ISO 8601 timestamps (UTC unless they say otherwise) and epoch seconds.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length == UtcSecondsLength && System.Text.Ascii.IsValid(text))
        {
            Span<byte> ascii = stackalloc byte[UtcSecondsLength];
            System.Text.Ascii.FromUtf16(text, ascii, out _);
            if (TryParseUtcSeconds(ascii, out var utc))
                return utc;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return EpochSeconds(seconds);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    // CloudTrail and Route 53 write `2024-03-05T10:15:30Z`: read digits directly instead of the general parser,
    // which costs more than the rest of a summary. Anything else (fractions, offsets, leap seconds) goes the long way.
    private const int UtcSecondsLength = 20;

    // The day the thread read last, as its ten bytes and its ticks: records read one after another share their day.
    [ThreadStatic]
    private static DayOfRecords? t_day;

    private static bool TryParseUtcSeconds(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != UtcSecondsLength || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
            return false;
        if (!TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        var day = t_day ??= new DayOfRecords();
        var head = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var tail = BinaryPrimitives.ReadUInt16LittleEndian(text[8..]);
        if (!day.Known || day.Head != head || day.Tail != tail)
        {
            if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var dayOfMonth)
                || year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
                return false;
            day.Head = head;
            day.Tail = tail;
            day.Ticks = new DateTime(year, month, dayOfMonth).Ticks;
            day.Known = true;
        }

        time = new DateTimeOffset(day.Ticks + (((hour * 3600L) + (minute * 60) + second) * TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit((char)c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private sealed class DayOfRecords
    {
        public ulong Head;
        public ushort Tail;
        public long Ticks;
        public bool Known;
    }

    /// <summary>Epoch seconds as a time, or null when out of range.</summary>
    public static DateTimeOffset? EpochSeconds(long seconds) =>
        seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
