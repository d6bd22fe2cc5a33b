using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// One JSON file read whole, as a mutable node tree, with the positions of its values worked out only when a diagnostic
/// asks for one. Files larger than <see cref="MaxBytes"/> are refused.
/// </summary>
internal sealed class JsonInput
{
    /// <summary>The largest file read: 256 MiB (a Config snapshot of a large account).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
    private readonly byte[] _utf8;
    private Dictionary<string, long>? _positions;

    private JsonInput(string path, byte[] utf8, JsonNode? root)
    {
        Path = path;
        _utf8 = utf8;
        Root = root;
    }

    public string Path { get; }

    /// <summary>The document; null when the file holds JSON <c>null</c>.</summary>
    public JsonNode? Root { get; }

    /// <summary>Reads and parses; null, with a located diagnostic, when the file cannot be read or is not JSON.</summary>
    public static JsonInput? Read(string path, IDiagnosticSink diagnostics)
    {
        byte[] utf8;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), string.Create(CultureInfo.InvariantCulture, $"{info.Length} bytes is over the limit of {MaxBytes}")));
                return null;
            }

            utf8 = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), e.Message.TrimEnd('.')));
            return null;
        }

        return Parse(path, utf8, diagnostics);
    }

    public static JsonInput? Parse(string path, byte[] utf8, IDiagnosticSink diagnostics)
    {
        var span = (ReadOnlySpan<byte>)utf8;
        if (span.StartsWith("\xEF\xBB\xBF"u8))
            utf8 = utf8[3..];
        try
        {
            var node = JsonNode.Parse(utf8, documentOptions: DocumentOptions);
            return new JsonInput(path, utf8, node);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            diagnostics.Report(InventoryDiagnostics.InvalidJson(new SourceLocation(path, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1), reason));
            return null;
        }
    }

    /// <summary>Where the value at <paramref name="jsonPath"/> (<c>$.a.b[2]</c>, as <see cref="JsonNode.GetPath"/> writes it) starts; the file alone when unknown.</summary>
    public SourceLocation At(string jsonPath)
    {
        _positions ??= Positions(_utf8);
        if (!_positions.TryGetValue(jsonPath, out var offset))
            return new SourceLocation(Path);
        var span = _utf8.AsSpan(0, (int)offset);
        var line = span.Count((byte)'\n') + 1;
        var column = offset - (span.LastIndexOf((byte)'\n') + 1) + 1;
        return new SourceLocation(Path, line, column);
    }

    public SourceLocation At(JsonNode? node) => node is null ? new SourceLocation(Path) : At(node.GetPath());

    /// <summary><c>file#json-path</c>, the form <see cref="ResourceProvenance.Source"/> takes.</summary>
    public string SourceOf(JsonNode? node) => node is null || node.Parent is null ? Path : Path + "#" + node.GetPath();

    private static Dictionary<string, long> Positions(byte[] utf8)
    {
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new List<(string Path, bool IsArray, int Count)>();
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
                    {
                        path = "$";
                    }
                    else if (stack[^1].IsArray)
                    {
                        var top = stack[^1];
                        path = top.Path + "[" + top.Count.ToString(CultureInfo.InvariantCulture) + "]";
                        stack[^1] = top with { Count = top.Count + 1 };
                    }
                    else
                    {
                        path = stack[^1].Path + Member(name!);
                    }

                    positions.TryAdd(path, reader.TokenStartIndex);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        stack.Add((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
            }
        }

        return positions;
    }

    // JsonNode.GetPath writes `.name` for plain names and `['name']` otherwise.
    private static string Member(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
        }

        return name.Length == 0 ? "['']" : "." + name;
    }
}
