using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Intel;

/// <summary>
/// Reads threat-intelligence lists written as text, CSV or STIX 2.1 bundles. Entries that are not indicators
/// are reported with their line or object and skipped; the rest of the list loads.
/// </summary>
public static partial class IntelListReader
{
    private static readonly string[] IndicatorColumns = ["indicator", "value", "ioc", "ip", "ip_address", "ipaddress", "address", "cidr", "network", "domain", "hostname", "host", "url"];

    /// <summary>
    /// Adds the indicators of the file at <paramref name="path"/> to <paramref name="builder"/>; problems, including an
    /// unreadable file, go to <paramref name="diagnostics"/>. Several files may feed one list.
    /// </summary>
    /// <returns>False when the file cannot be read or is not in its format at all.</returns>
    public static bool ReadFile(string path, IntelFormat format, IntelList.Builder builder, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, format, builder, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Guard.NotNull(diagnostics).Report(IntelDiagnostics.ListUnreadableError(new SourceLocation(path), e.Message));
            return false;
        }
    }

    /// <summary>
    /// Adds the indicators read from <paramref name="stream"/> to <paramref name="builder"/>; <paramref name="source"/>
    /// names it in diagnostics and decides <see cref="IntelFormat.Auto"/>.
    /// </summary>
    /// <returns>False when it is not in its format at all.</returns>
    public static bool Read(Stream stream, string source, IntelFormat format, IntelList.Builder builder, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(builder);
        Guard.NotNull(diagnostics);
        var buffered = new BufferedStream(stream, 64 * 1024);
        if (format == IntelFormat.Auto)
            format = Detect(buffered, source);
        var before = builder.Count;
        var read = format switch
        {
            IntelFormat.Csv => ReadCsv(buffered, source, builder, diagnostics),
            IntelFormat.Stix => ReadStix(buffered, source, builder, diagnostics),
            _ => ReadText(buffered, source, builder, diagnostics),
        };
        if (read && builder.Count == before)
            diagnostics.Report(IntelDiagnostics.EmptyListWarning(new SourceLocation(source)));
        return read;
    }

    /// <summary>Reads one list from one stream: <see cref="Read(Stream, string, IntelFormat, IntelList.Builder, IDiagnosticSink)"/> into a new list.</summary>
    public static IntelList? Read(Stream stream, string name, string source, IntelFormat format, IDiagnosticSink diagnostics)
    {
        var builder = new IntelList.Builder();
        return Read(stream, source, format, builder, diagnostics) ? IntelList.Create(name, source, builder) : null;
    }

    private static IntelFormat Detect(BufferedStream stream, string source)
    {
        var path = source.Split('?', '#')[0];
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return IntelFormat.Csv;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".stix", StringComparison.OrdinalIgnoreCase))
            return IntelFormat.Stix;

        // Peek at the first significant byte without consuming it.
        var start = stream.Position;
        var first = -1;
        while (stream.ReadByte() is var b && b >= 0)
        {
            if (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
                continue;
            first = b;
            break;
        }

        stream.Position = start;
        return first == '{' ? IntelFormat.Stix : IntelFormat.Text;
    }

    private static bool ReadText(Stream stream, string source, IntelList.Builder builder, IDiagnosticSink diagnostics)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            var entry = (comment < 0 ? text : text[..comment]).Trim();

            // Some feeds add a note after the indicator: "198.51.100.7 ; scanner" or "evil.example<TAB>c2".
            var cut = entry.AsSpan().IndexOfAny([' ', '\t', ';', ',']);
            if (cut > 0)
                entry = entry[..cut];
            if (entry.Length > 0 && !builder.TryAdd(entry))
                diagnostics.Report(IntelDiagnostics.InvalidIndicatorWarning(new SourceLocation(source, line, 1), entry));
        }

        return true;
    }

    private static bool ReadCsv(Stream stream, string source, IntelList.Builder builder, IDiagnosticSink diagnostics)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            AllowComments = true,
            Comment = '#',
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                return true;
            var column = 0;
            foreach (var wanted in IndicatorColumns)
            {
                var at = Array.FindIndex(header, h => string.Equals(h.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    column = at;
                    break;
                }
            }

            while (csv.Read())
            {
                var entry = csv.TryGetField<string>(column, out var field) ? field?.Trim() : null;
                if (!string.IsNullOrEmpty(entry) && !builder.TryAdd(entry))
                    diagnostics.Report(IntelDiagnostics.InvalidIndicatorWarning(new SourceLocation(source, csv.Parser.RawRow, 1), entry));
            }
        }
        catch (CsvHelperException e)
        {
            diagnostics.Report(IntelDiagnostics.ListUnreadableError(new SourceLocation(source, csv.Parser.RawRow, 1), e.Message.Split('\n')[0]));
            return false;
        }

        return true;
    }

    private static bool ReadStix(Stream stream, string source, IntelList.Builder builder, IDiagnosticSink diagnostics)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            diagnostics.Report(IntelDiagnostics.ListUnreadableError(new SourceLocation(source, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1), "not valid JSON"));
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            var objects = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("objects", out var list) ? list
                : root.ValueKind == JsonValueKind.Array ? root
                : default;
            if (objects.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Report(IntelDiagnostics.ListUnreadableError(new SourceLocation(source), "a STIX bundle is an object with an 'objects' array"));
                return false;
            }

            long index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object || Text(item, "type") != "indicator")
                    continue;
                if (item.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
                    continue;
                var at = new SourceLocation(source, 0, 0, index);
                var patternType = Text(item, "pattern_type");
                var pattern = Text(item, "pattern");
                if (pattern is null || (patternType is not null && !string.Equals(patternType, "stix", StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Report(IntelDiagnostics.UnsupportedPatternInfo(at, pattern ?? patternType ?? "(none)"));
                    continue;
                }

                var values = PatternValues(pattern);
                if (values is null)
                {
                    diagnostics.Report(IntelDiagnostics.UnsupportedPatternInfo(at, pattern));
                    continue;
                }

                foreach (var value in values)
                {
                    if (!builder.TryAdd(value))
                        diagnostics.Report(IntelDiagnostics.InvalidIndicatorWarning(at, value));
                }
            }
        }

        return true;
    }

    /// <summary>The values of a pattern made only of <c>[type:value = 'x']</c> comparisons joined by OR; null otherwise.</summary>
    internal static List<string>? PatternValues(string pattern)
    {
        var values = new List<string>();
        var rest = Comparison().Replace(pattern, match =>
        {
            values.Add(Unescape(match.Groups["value"].Value));
            return " ";
        });

        // What remains may only be brackets, ORs and spaces.
        var leftover = rest.Replace("[", " ", StringComparison.Ordinal).Replace("]", " ", StringComparison.Ordinal).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal);
        foreach (var word in leftover.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!string.Equals(word, "OR", StringComparison.Ordinal))
                return null;
        }

        return values.Count > 0 ? values : null;
    }

    private static string Unescape(string value) =>
        value.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"(?:ipv4-addr|ipv6-addr|domain-name|url):value\s*(?:=|ISSUBSET)\s*'(?<value>(?:[^'\\]|\\.)*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
