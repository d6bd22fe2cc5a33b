using Rampart.Core;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Posture.Checks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>What every output writes the same way: ids, names, times, evidence as text.</summary>
internal static class OutputFacts
{
    public const string ProductName = "Rampart";

    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static readonly string ProductVersion =
        typeof(OutputFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    // The same check on the same resource of the same account gets the same id in every run and every format, so that
    // stores and Security Hub update one finding instead of piling up new ones.
    public static string FindingId(AssessedResult result)
    {
        var text = $"{result.Resource.Account}\n{result.Result.CheckId}\n{result.Result.ResourceKey}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary><c>Critical</c>, <c>High</c>… as OCSF captions them.</summary>
    public static string SeverityName(Severity severity) => severity.ToString();

    /// <summary><c>critical</c>, <c>high</c>… as the other outputs write them.</summary>
    public static string SeverityText(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>ISO 8601 in UTC with milliseconds, as ASFF and SARIF want it.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The evidence value as compact JSON, or <c>(absent)</c> when its path selected nothing.</summary>
    public static string ValueText(CheckEvidence evidence) =>
        evidence.Value.ValueKind == JsonValueKind.Undefined ? "(absent)" : evidence.Value.GetRawText();

    /// <summary>The framework ids of <c>framework:control</c> references, distinct, in order.</summary>
    public static IEnumerable<string> Frameworks(IEnumerable<string> controls) =>
        controls.Select(static c => c.IndexOf(':', StringComparison.Ordinal) is var cut and > 0 ? c[..cut] : c).Distinct(StringComparer.Ordinal);

    /// <summary>The file part of a provenance source (<c>file#json-path</c>), or null when there is none.</summary>
    public static string? SourceFile(string source)
    {
        var cut = source.IndexOf('#', StringComparison.Ordinal);
        var file = cut < 0 ? source : source[..cut];
        return file.Length == 0 ? null : file;
    }

    /// <summary>The JSON path part of a provenance source, or null.</summary>
    public static string? SourcePath(string source)
    {
        var cut = source.IndexOf('#', StringComparison.Ordinal);
        return cut < 0 || cut == source.Length - 1 ? null : source[(cut + 1)..];
    }

    /// <summary>At most <paramref name="length"/> characters, cut with an ellipsis.</summary>
    public static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Evidence as written in JSON outputs: <c>[{"path": …, "value": …}]</c>, null for an absent value.</summary>
    public static void WriteEvidence(Utf8JsonWriter json, string name, IEnumerable<CheckEvidence> evidence)
    {
        json.WriteStartArray(name);
        foreach (var item in evidence)
        {
            json.WriteStartObject();
            json.WriteString("path", item.Path);
            json.WritePropertyName("value");
            if (item.Value.ValueKind == JsonValueKind.Undefined)
                json.WriteNullValue();
            else
                item.Value.WriteTo(json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
