using System.Runtime.InteropServices;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// An event backed by a parsed JSON value (CloudTrail, Route 53 Resolver, GuardDuty). Field paths
/// navigate objects by exact property name and fan out over arrays.
/// </summary>
public sealed class JsonLogEvent : LogEvent
{
    private readonly Func<JsonElement, EventSummary> _summarize;

    /// <summary>Creates an event over <paramref name="root"/>, which must stay valid while the event is used.</summary>
    /// <param name="sourceType">One of <see cref="LogSourceTypes"/>.</param>
    /// <param name="root">The record.</param>
    /// <param name="origin">Where it was read from.</param>
    /// <param name="summarize">Reads the summary fields of this source type.</param>
    public JsonLogEvent(string sourceType, JsonElement root, EventOrigin origin, Func<JsonElement, EventSummary> summarize)
        : base(origin)
    {
        SourceType = Guard.NotEmpty(sourceType);
        Root = root;
        _summarize = Guard.NotNull(summarize);
    }

    /// <inheritdoc />
    public override string SourceType { get; }

    /// <summary>The record.</summary>
    public JsonElement Root { get; }

    /// <summary>Parses one JSON record into an event that owns a copy of it; for tests and small inputs.</summary>
    public static JsonLogEvent Parse(string json, string sourceType, Func<JsonElement, EventSummary>? summarize = null, EventOrigin origin = default)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonLogEvent(sourceType, document.RootElement.Clone(), origin, summarize ?? (_ => new EventSummary()));
    }

    /// <inheritdoc />
    public override void CollectValues(FieldPath path, List<FieldValue> values)
    {
        Guard.NotNull(path);
        Guard.NotNull(values);
        Collect(Root, path.Segments.AsSpan(), values);
    }

    /// <inheritdoc />
    public override void CollectAllValues(List<FieldValue> values)
    {
        Guard.NotNull(values);
        CollectLeaves(Root, values);
    }

    /// <inheritdoc />
    public override EventSummary Summarize() => _summarize(Root);

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer);
        Root.WriteTo(writer);
    }

    /// <inheritdoc />
    public override byte[] ToUtf8Json() => JsonMarshal.GetRawUtf8Value(Root).ToArray();

    /// <summary>Converts a leaf JSON value (arrays excluded) to a field value.</summary>
    public static FieldValue ToFieldValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => FieldValue.FromString(element.GetString()!),
        JsonValueKind.Number => FieldValue.FromNumber(element.GetRawText()),
        JsonValueKind.True => FieldValue.FromBoolean(true),
        JsonValueKind.False => FieldValue.FromBoolean(false),
        JsonValueKind.Object => FieldValue.FromObject(element.GetRawText()),
        _ => FieldValue.Null,
    };

    private static void Collect(JsonElement current, ReadOnlySpan<string> segments, List<FieldValue> values)
    {
        while (true)
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                    Collect(item, segments, values);
                return;
            }

            if (segments.IsEmpty)
            {
                values.Add(ToFieldValue(current));
                return;
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segments[0], out var next))
                return;
            current = next;
            segments = segments[1..];
        }
    }

    private static void CollectLeaves(JsonElement element, List<FieldValue> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    CollectLeaves(property.Value, values);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    CollectLeaves(item, values);
                break;
            default:
                values.Add(ToFieldValue(element));
                break;
        }
    }
}
