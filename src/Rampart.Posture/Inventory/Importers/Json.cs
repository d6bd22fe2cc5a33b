using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>Small helpers over <see cref="JsonNode"/> for the importers.</summary>
internal static class Json
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonInput.MaxDepth };

    public static string? String(JsonNode? node, string member) =>
        node is JsonObject o && o[member] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static JsonArray? Array(JsonNode? node, string member) => node is JsonObject o ? o[member] as JsonArray : null;

    public static JsonObject? Object(JsonNode? node, string member) => node is JsonObject o ? o[member] as JsonObject : null;

    /// <summary>A detached deep copy (null stays null).</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>The node as an immutable element.</summary>
    public static JsonElement ToElement(JsonNode? node)
    {
        if (node is null)
            return JsonDocument.Parse("null").RootElement.Clone();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            node.WriteTo(writer);
        using var document = JsonDocument.Parse(buffer.ToArray(), Options);
        return document.RootElement.Clone();
    }

    /// <summary>Parses text that should hold JSON; null when it does not.</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A policy document given as text (the API's <c>Policy</c> strings, URL-encoded IAM documents) as a JSON object; an
    /// object is copied; null when it is neither.
    /// </summary>
    public static JsonObject? PolicyDocument(JsonNode? value)
    {
        if (value is JsonObject document)
            return (JsonObject)document.DeepClone();
        var text = Text(value);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.StartsWith('%'))
            text = Uri.UnescapeDataString(text);
        return TryParse(text) as JsonObject;
    }

    /// <summary>Shallow merge: members of <paramref name="from"/> replace those of <paramref name="into"/>.</summary>
    public static void MergeInto(JsonObject into, JsonObject from)
    {
        foreach (var (name, value) in from.ToList())
            into[name] = value?.DeepClone();
    }

    /// <summary>Replaces placebo's <c>{"__class__": "datetime", …}</c> objects by ISO 8601 text as the CLI prints dates.</summary>
    public static JsonNode? FixPlaceboDates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when String(o, "__class__") == "datetime":
                return JsonValue.Create(PlaceboDate(o));
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    var fixedValue = FixPlaceboDates(value);
                    if (!ReferenceEquals(fixedValue, value))
                        o[name] = fixedValue;
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var fixedValue = FixPlaceboDates(a[i]);
                    if (!ReferenceEquals(fixedValue, a[i]))
                        a[i] = fixedValue;
                }

                return a;
            default:
                return node;
        }
    }

    private static string PlaceboDate(JsonObject o)
    {
        int Part(string name) => o[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        try
        {
            var date = new DateTimeOffset(Part("year"), Math.Max(1, Part("month")), Math.Max(1, Part("day")), Part("hour"), Part("minute"), Part("second"), TimeSpan.Zero)
                .AddTicks(Part("microsecond") * 10L);
            var micro = Part("microsecond");
            return date.ToString(micro == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return o.ToJsonString();
        }
    }

    /// <summary>A date in ISO 8601 text, or null.</summary>
    public static DateTimeOffset? Date(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
}
