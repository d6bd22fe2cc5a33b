using System.Globalization;
using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>Small, allocation-light reads of optional fields, for the summaries.</summary>
internal static class JsonFields
{
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
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return EpochSeconds(seconds);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    /// <summary>Epoch seconds as a time, or null when out of range.</summary>
    public static DateTimeOffset? EpochSeconds(long seconds) =>
        seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
