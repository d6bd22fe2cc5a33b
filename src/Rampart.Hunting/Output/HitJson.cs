using System.Globalization;
using System.Text.Json;

namespace Rampart.Hunting.Output;

/// <summary>The JSON shape of a hit shared by the JSON lines output and OCSF's <c>unmapped</c> data.</summary>
internal static class HitJson
{
    public static void WriteRule(Utf8JsonWriter json, HitRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("title", rule.Title);
        json.WriteString("level", rule.Level);
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
            json.WriteStringValue(tag);
        json.WriteEndArray();
        WriteOptional(json, "author", rule.Author);
        WriteOptional(json, "license", rule.License);
        json.WriteString("engine", rule.Engine);
        WriteOptional(json, "path", rule.Path);
        json.WriteEndObject();
    }

    public static void WriteOrigin(Utf8JsonWriter json, DetectionHit hit)
    {
        json.WriteStartObject("origin");
        json.WriteString("file", hit.Origin.Path);
        json.WriteNumber("line", hit.Origin.Line);
        json.WriteNumber("record", hit.Origin.Record);
        json.WriteEndObject();
    }

    public static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    public static string? FormatTime(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
