using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Rampart.GameDays.Tests;

/// <summary>Reads generated files the way a consumer would: gunzip, then parse.</summary>
public static class TelemetryFiles
{
    public static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The <c>Records</c> of a CloudTrail file, each cloned so the document can go.</summary>
    public static List<JsonElement> CloudTrailRecords(string path)
    {
        using var document = JsonDocument.Parse(Gunzip(path));
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.GetProperty("Records").EnumerateArray().Select(record => record.Clone()).ToList();
    }

    public static string[] Lines(string path)
    {
        var text = Encoding.UTF8.GetString(Gunzip(path));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }

    /// <summary>A dotted path into a record, or null when any part is missing.</summary>
    public static JsonElement? Get(JsonElement record, string path)
    {
        var current = record;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                return null;
        }

        return current;
    }

    public static string? Text(JsonElement record, string path) => Get(record, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
