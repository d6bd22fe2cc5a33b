using System.Globalization;
using System.Text.Json;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// One recorded AWS API response in JSON, as the AWS CLI prints it (<c>{"SummaryMap": …}</c>) or as Cloud Custodian's
/// placebo records it (<c>{"status_code": 200, "data": {…}}</c>, datetimes as <c>{"__class__": "datetime", …}</c>);
/// <see cref="Body"/> is the response itself either way. Locations of values are worked out only when asked for.
/// </summary>
internal sealed class JsonResponse : IDisposable
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };
    private readonly byte[] _utf8;
    private readonly JsonDocument _document;
    private Dictionary<string, long>? _positions;

    private JsonResponse(byte[] utf8, string source, JsonDocument document)
    {
        _utf8 = utf8;
        _document = document;
        Source = source;
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("status_code", out var status) && status.ValueKind == JsonValueKind.Number
            && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            Body = data;
            BodyPath = "$.data";
        }
        else
        {
            Body = root;
            BodyPath = "$";
        }
    }

    /// <summary>The deepest nesting accepted: these responses nest a handful of levels.</summary>
    public const int MaxDepth = 32;

    public string Source { get; }

    public JsonElement Body { get; }

    /// <summary><c>$</c>, or <c>$.data</c> for a placebo recording.</summary>
    public string BodyPath { get; }

    /// <summary>The error a recorded error response holds (<c>Error.Code</c>, <c>Error.Message</c>), or null.</summary>
    public (string Code, string? Message)? Error =>
        Body.ValueKind == JsonValueKind.Object
        && Body.TryGetProperty(nameof(Error), out var error) && error.ValueKind == JsonValueKind.Object
        && error.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String
            ? (code.GetString()!, error.TryGetProperty("Message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null)
            : null;

    public static bool IsBlank(byte[] utf8) => ((ReadOnlySpan<byte>)utf8).Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>Parses; null, with a diagnostic, when the input is not JSON.</summary>
    public static JsonResponse? Parse(byte[] utf8, string source, IDiagnosticSink diagnostics)
    {
        try
        {
            return new JsonResponse(utf8, source, JsonDocument.Parse(utf8, Options));
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            diagnostics.Report(HygieneDiagnostics.InvalidJson(new SourceLocation(source, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1), reason));
            return null;
        }
    }

    /// <summary>The path of a member of <see cref="Body"/>: <c>$.SummaryMap</c> or <c>$.data.SummaryMap</c>.</summary>
    public string PathOf(string member) => BodyPath + "." + member;

    /// <summary>Where the value at <paramref name="path"/> (a path this class hands out) starts; line and column 0 when unknown.</summary>
    public SourceLocation At(string path)
    {
        _positions ??= Positions(_utf8);
        if (!_positions.TryGetValue(path, out var offset))
            return new SourceLocation(Source);
        var span = _utf8.AsSpan(0, (int)offset);
        var line = span.Count((byte)'\n') + 1;
        var column = offset - (span.LastIndexOf((byte)'\n') + 1) + 1;
        return new SourceLocation(Source, line, column);
    }

    /// <summary>
    /// Reads a date: an ISO 8601 string, or placebo's <c>{"__class__": "datetime", "year": …}</c> (taken as UTC). Null,
    /// with a warning, when it is neither.
    /// </summary>
    public DateTimeOffset? Date(JsonElement value, string path, IDiagnosticSink diagnostics)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return parsed;
            diagnostics.Report(HygieneDiagnostics.BadDate(At(path), path, text));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object && TryPlaceboDate(value, out var date))
            return date;
        diagnostics.Report(HygieneDiagnostics.WrongType(At(path), path, "a date", Describe(value)));
        return null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public void Dispose() => _document.Dispose();

    private static bool TryPlaceboDate(JsonElement value, out DateTimeOffset date)
    {
        date = default;
        if (!value.TryGetProperty("__class__", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "datetime")
            return false;
        int Part(string name) => value.TryGetProperty(name, out var part) && part.TryGetInt32(out var number) ? number : 0;
        try
        {
            date = new DateTimeOffset(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), TimeSpan.Zero)
                .AddTicks(Part("microsecond") * 10L);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static Dictionary<string, long> Positions(byte[] utf8)
    {
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new List<Frame>();
        string? name = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString();
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    string path;
                    if (stack.Count == 0)
                        path = "$";
                    else if (stack[^1].IsArray)
                        path = stack[^1].Path + "[" + (stack[^1].Count++).ToString(CultureInfo.InvariantCulture) + "]";
                    else
                        path = stack[^1].Path + "." + name;
                    positions.TryAdd(path, reader.TokenStartIndex);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        stack.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
            }
        }

        return positions;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }
    }
}
