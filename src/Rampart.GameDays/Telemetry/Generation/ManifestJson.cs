using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>How <c>manifest.json</c> is written (and read back by tests and game days).</summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(TelemetryManifest manifest, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        JsonSerializer.Serialize(stream, manifest, Options);
    }

    public static TelemetryManifest? Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<TelemetryManifest>(stream, Options);
    }
}
