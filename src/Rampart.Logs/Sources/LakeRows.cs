using System.Buffers;
using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>
/// CloudTrail Lake returns each result row as a list of one-column objects (<c>[{"eventName":"…"},{"eventTime":"…"}]</c>);
/// merging them gives one object whose properties are the selected columns, as rules expect.
/// </summary>
internal static class LakeRows
{
    /// <summary>Merges a row into one JSON object; the caller disposes the document.</summary>
    public static JsonDocument Merge(JsonElement row, JsonDocumentOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Object)
                    continue;
                foreach (var column in cell.EnumerateObject())
                    column.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory, options);
    }
}
