using System.Text.Json;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>The shared frame of the JSON readers: open, size limit, empty input, JSON errors, recorded error responses.</summary>
internal static class JsonInputReader
{
    /// <summary>The largest input read, 64 MiB: these responses are small.</summary>
    public const long MaxInputBytes = 64L << 20;

    public static T? Read<T>(string path, IDiagnosticSink diagnostics, Reading<T> reading)
        where T : class
    {
        using var stream = HygieneInput.Open(path, diagnostics, missingIsQuiet: reading.OnMissingFile is not null);
        if (stream is null)
            return File.Exists(path) || reading.OnMissingFile is null ? null : reading.OnMissingFile(path, diagnostics);
        return Read(stream, path, diagnostics, reading);
    }

    public static T? Read<T>(Stream stream, string source, IDiagnosticSink diagnostics, Reading<T> reading)
        where T : class
    {
        var sink = new LimitedSink(diagnostics);
        var utf8 = HygieneInput.ReadAll(stream, source, MaxInputBytes, sink);
        return utf8 is null ? null : Read(utf8, source, sink, reading);
    }

    public static T? Read<T>(byte[] utf8, string source, IDiagnosticSink diagnostics, Reading<T> reading)
        where T : class
    {
        if (JsonResponse.IsBlank(utf8))
        {
            if (reading.OnEmpty is not null)
                return reading.OnEmpty(new SourceLocation(source), diagnostics);
            diagnostics.Report(HygieneDiagnostics.Empty(new SourceLocation(source)));
            return null;
        }

        using var response = JsonResponse.Parse(utf8, source, diagnostics);
        if (response is null)
            return null;
        if (response.Error is { } error)
        {
            var at = response.At(response.PathOf("Error"));
            if (reading.OnError?.Invoke(error.Code, at, diagnostics) is { } handled)
                return handled;
            diagnostics.Report(HygieneDiagnostics.ErrorResponse(at, reading.Command, error.Code, error.Message));
            return null;
        }

        if (response.Body.ValueKind != JsonValueKind.Object || !response.Body.TryGetProperty(reading.Member, out var member))
        {
            diagnostics.Report(HygieneDiagnostics.NotTheResponse(response.At(response.BodyPath), reading.Command, "`" + reading.Member + "`"));
            return null;
        }

        var path = response.PathOf(reading.Member);
        var expected = reading.MemberIsArray ? JsonValueKind.Array : JsonValueKind.Object;
        if (member.ValueKind != expected)
        {
            diagnostics.Report(HygieneDiagnostics.WrongType(response.At(path), path, reading.MemberIsArray ? "an array" : "an object", JsonResponse.Describe(member)));
            return null;
        }

        return reading.Body(response, member, path, diagnostics);
    }

    /// <summary>Reads an integer member of <paramref name="value"/>; null, with a warning, when it is not one.</summary>
    public static long? Integer(JsonResponse response, JsonElement value, string path, IDiagnosticSink diagnostics)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            return number;
        diagnostics.Report(HygieneDiagnostics.WrongType(response.At(path), path, "an integer", JsonResponse.Describe(value)));
        return null;
    }

    /// <summary>Reads a boolean; null, with a warning, when it is not one.</summary>
    public static bool? Boolean(JsonResponse response, JsonElement value, string path, IDiagnosticSink diagnostics)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        diagnostics.Report(HygieneDiagnostics.WrongType(response.At(path), path, "a boolean", JsonResponse.Describe(value)));
        return null;
    }

    /// <summary>Reads a string; null, with a warning, when it is not one.</summary>
    public static string? String(JsonResponse response, JsonElement value, string path, IDiagnosticSink diagnostics)
    {
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        diagnostics.Report(HygieneDiagnostics.WrongType(response.At(path), path, "a string", JsonResponse.Describe(value)));
        return null;
    }

    /// <summary>What one reader expects and how it reads the member that holds the response.</summary>
    public sealed class Reading<T>
        where T : class
    {
        public required string Command { get; init; }

        public required string Member { get; init; }

        public bool MemberIsArray { get; init; }

        public required Func<JsonResponse, JsonElement, string, IDiagnosticSink, T?> Body { get; init; }

        public Func<string, IDiagnosticSink, T?>? OnMissingFile { get; init; }

        public Func<SourceLocation, IDiagnosticSink, T?>? OnEmpty { get; init; }

        public Func<string, SourceLocation, IDiagnosticSink, T?>? OnError { get; init; }
    }
}
