using System.Buffers;
using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>
/// CloudTrail Lake returns each result row as a list of one-column objects (<c>[{"eventName":"…"},{"eventTime":"…"}]</c>);
/// merging them gives one object whose properties are the selected columns, as rules expect.
/// </summary>
internal static class LakeRows
{
    /// <summary>Merges a row, given as validated JSON, into the JSON of one object.</summary>
    public static ReadOnlyMemory<byte> Merge(ReadOnlyMemory<byte> row, JsonDocumentOptions options)
    {
        // Lake results are small query outputs: a document per row costs nothing that matters here.
        using var document = JsonDocument.Parse(row, options);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var cell in document.RootElement.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Object)
                    continue;
                foreach (var column in cell.EnumerateObject())
                    column.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
