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

    public static void WriteCorrelation(Utf8JsonWriter json, Rampart.Detection.Correlation.CorrelationMatch match)
    {
        json.WriteStartObject("correlation");
        json.WriteString("type", Rampart.Detection.Correlation.CorrelationTypeNames.Of(match.Correlation.Type));
        json.WriteStartObject("group");
        foreach (var (field, value) in match.Group)
            WriteOptional(json, field, value);
        json.WriteEndObject();
        json.WriteString("windowStart", FormatTime(match.WindowStart));
        json.WriteString("windowEnd", FormatTime(match.WindowEnd));
        json.WriteNumber("events", match.Events);
        json.WriteNumber("measured", match.Measured);
        if (match.NewValue is { } newValue)
            json.WriteString("newValue", newValue);
        json.WriteStartArray("ruleIds");
        foreach (var id in match.RuleIds)
            json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteStartArray("eventIds");
        foreach (var id in match.EventIds)
            json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"intel": [{list, indicator, field, value}…]</c> when the hit found values on lists; nothing otherwise.</summary>
    public static void WriteIntel(Utf8JsonWriter json, System.Collections.Immutable.ImmutableArray<Rampart.Detection.Intel.IntelMatch> intel)
    {
        if (intel.IsEmpty)
            return;
        json.WriteStartArray("intel");
        foreach (var match in intel)
        {
            json.WriteStartObject();
            json.WriteString("list", match.List);
            json.WriteString("indicator", match.Indicator);
            json.WriteString("field", match.Field);
            json.WriteString("value", match.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
