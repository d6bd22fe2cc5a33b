using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Core.Tests.Events;

/// <summary>
/// What field paths mean, written the plain way over a <see cref="JsonElement"/>: the semantics
/// <see cref="JsonLogEvent"/> must keep however it finds values.
/// </summary>
internal static class JsonElementReference
{
    public static List<FieldValue> Collect(JsonElement element, FieldPath path)
    {
        var values = new List<FieldValue>();
        Collect(element, path.Segments.AsSpan(), values);
        return values;
    }

    public static List<FieldValue> Leaves(JsonElement element)
    {
        var values = new List<FieldValue>();
        AddLeaves(element, values);
        return values;
    }

    // A string or a number as written, reached through objects only.
    public static string? Text(JsonElement element, FieldPath path)
    {
        foreach (var segment in path.Segments)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }

    private static FieldValue Leaf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => FieldValue.FromString(element.GetString()!),
        JsonValueKind.Number => FieldValue.FromNumber(element.GetRawText()),
        JsonValueKind.True => FieldValue.FromBoolean(true),
        JsonValueKind.False => FieldValue.FromBoolean(false),
        JsonValueKind.Object => FieldValue.FromObject(element.GetRawText()),
        _ => FieldValue.Null,
    };

    private static void Collect(JsonElement element, ReadOnlySpan<string> segments, List<FieldValue> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, segments, values);
            return;
        }

        if (segments.IsEmpty)
        {
            values.Add(Leaf(element));
            return;
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segments[0], out var next))
            Collect(next, segments[1..], values);
    }

    private static void AddLeaves(JsonElement element, List<FieldValue> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    AddLeaves(property.Value, values);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    AddLeaves(item, values);
                break;
            default:
                values.Add(Leaf(element));
                break;
        }
    }
}
