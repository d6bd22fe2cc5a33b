using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// Reads the IAM credential report: the CSV itself, the JSON <c>aws iam get-credential-report</c> prints
/// (<c>{"Content": …, "ReportFormat": "text/csv", "GeneratedTime": …}</c>, <c>Content</c> in base64 as the CLI prints it, or
/// already decoded as SDKs and recorders keep it), or that response wrapped as placebo records it (<c>{status_code, data}</c>).
/// </summary>
/// <remarks>
/// Never throws on bad input: every problem is reported (codes in <see cref="HygieneDiagnostics"/>) with the file, the line
/// and, for a cell, the column's name and position; the rest is still read. A bare CSV is read row by row as it streams; the
/// JSON forms are held in memory once (the report of 5,000 users is about 2 MB). Columns count characters and are exact
/// for unquoted fields, which is all AWS writes. Lines of a CSV that came inside JSON count within <c>Content</c>, and the
/// location's path says so (<c>report.json: $.Content</c>).
/// </remarks>
public static class CredentialReportReader
{
    /// <summary>The name an unnamed stream is given in diagnostics.</summary>
    public const string UnnamedSource = "<stream>";

    /// <summary>The largest JSON input read, 256 MiB; a bare CSV streams and is limited by <see cref="MaxRows"/> instead.</summary>
    public const long MaxInputBytes = 256L << 20;

    /// <summary>The most rows read, 100,000 (an account holds at most 5,000 users); the rest are reported and not read.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The longest field accepted, 64 KiB; the report's fields are dates, names and ARNs.</summary>
    public const int MaxFieldLength = 64 * 1024;

    private const string Command = "aws iam get-credential-report";

    /// <summary>Reads the file at <paramref name="path"/>; null, with a diagnostic, when nothing usable was in it.</summary>
    public static CredentialReport? Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        using var stream = HygieneInput.Open(path, diagnostics);
        return stream is null ? null : Read(stream, path, diagnostics);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics.</summary>
    public static CredentialReport? Read(Stream stream, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        try
        {
            return Read(reader, source, new LimitedSink(diagnostics));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Report(HygieneDiagnostics.CannotRead(source, e.Message));
            return null;
        }
    }

    /// <summary>Reads text held in a string (CSV or JSON); <paramref name="source"/> names it in diagnostics.</summary>
    public static CredentialReport? Parse(string text, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(text);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        using var reader = new StringReader(text);
        return Read(reader, source, new LimitedSink(diagnostics));
    }

    private static CredentialReport? Read(TextReader reader, string source, LimitedSink diagnostics)
    {
        long skippedLines = 0;
        while (reader.Peek() is var next && next >= 0 && char.IsWhiteSpace((char)next))
        {
            if (reader.Read() == '\n')
                skippedLines++;
        }

        if (reader.Peek() < 0)
        {
            diagnostics.Report(HygieneDiagnostics.Empty(new SourceLocation(source)));
            return null;
        }

        if (reader.Peek() == '{')
            return ReadJson(reader, source, diagnostics);
        var rows = ReadCsv(reader, source, skippedLines, diagnostics);
        return rows is null ? null : new CredentialReport(source, null, rows.Value);
    }

    private static CredentialReport? ReadJson(TextReader reader, string source, LimitedSink diagnostics)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > MaxInputBytes)
            {
                diagnostics.Report(HygieneDiagnostics.TooLarge(source, MaxInputBytes));
                return null;
            }

            text.Append(buffer, 0, read);
        }

        using var response = JsonResponse.Parse(Encoding.UTF8.GetBytes(text.ToString()), source, diagnostics);
        if (response is null)
            return null;
        if (response.Error is { } error)
        {
            diagnostics.Report(HygieneDiagnostics.ErrorResponse(response.At(response.PathOf("Error")), Command, error.Code, error.Message));
            return null;
        }

        var body = response.Body;
        var contentPath = response.PathOf("Content");
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("Content", out var content))
        {
            diagnostics.Report(HygieneDiagnostics.NotTheResponse(response.At(response.BodyPath), Command, "`Content`"));
            return null;
        }

        if (content.ValueKind != JsonValueKind.String)
        {
            diagnostics.Report(HygieneDiagnostics.WrongType(response.At(contentPath), contentPath, "a string", JsonResponse.Describe(content)));
            return null;
        }

        if (body.TryGetProperty("ReportFormat", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() is { } name && name != "text/csv")
            diagnostics.Report(HygieneDiagnostics.NotCsvFormat(response.At(response.PathOf("ReportFormat")), name));
        DateTimeOffset? generated = body.TryGetProperty("GeneratedTime", out var time) && time.ValueKind != JsonValueKind.Null
            ? response.Date(time, response.PathOf("GeneratedTime"), diagnostics)
            : null;

        var csv = Decode(content.GetString()!);
        if (csv is null)
        {
            diagnostics.Report(HygieneDiagnostics.BadContent(response.At(contentPath)));
            return null;
        }

        var contentSource = source + ": " + contentPath;
        using var csvReader = new StringReader(csv);
        var rows = ReadCsv(csvReader, contentSource, 0, diagnostics);
        return rows is null ? null : new CredentialReport(source, generated, rows.Value);
    }

    /// <summary>The CSV inside <c>Content</c>: as written when it already is CSV, else decoded from base64.</summary>
    private static string? Decode(string content)
    {
        if (content.Contains(',', StringComparison.Ordinal))
            return content;
        var bytes = new byte[content.Length];
        if (!Convert.TryFromBase64String(content.Trim(), bytes, out var length))
            return null;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
            return text.Contains(',', StringComparison.Ordinal) ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static ImmutableArray<CredentialReportRow>? ReadCsv(TextReader reader, string source, long lineOffset, LimitedSink diagnostics)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            MaxFieldSize = MaxFieldLength,
            BadDataFound = bad => diagnostics.Report(HygieneDiagnostics.BadCsvData(new SourceLocation(source, bad.Context.Parser?.RawRow + lineOffset ?? 0), bad.Field)),
        };
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        var rows = ImmutableArray.CreateBuilder<CredentialReportRow>();
        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        long Line() => parser.RawRow + lineOffset;
        try
        {
            if (!parser.Read())
            {
                diagnostics.Report(HygieneDiagnostics.Empty(new SourceLocation(source)));
                return null;
            }

            var header = parser.Record!.Select(name => name.Trim()).ToArray();
            var headerLine = Line();
            foreach (var required in new[] { CredentialReportColumns.User, CredentialReportColumns.Arn })
            {
                if (!header.Contains(required, StringComparer.Ordinal))
                {
                    diagnostics.Report(HygieneDiagnostics.NotAReport(new SourceLocation(source, headerLine, 1), required));
                    return null;
                }
            }

            var missing = CredentialReportColumns.All.Where(column => !header.Contains(column, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
                diagnostics.Report(HygieneDiagnostics.MissingColumns(new SourceLocation(source, headerLine, 1), missing));

            while (parser.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    diagnostics.Report(HygieneDiagnostics.TooManyRows(new SourceLocation(source, Line(), 1), MaxRows));
                    break;
                }

                var row = new RowReader(source, Line(), rows.Count + 1, header, parser.Record!, diagnostics).Read();
                if (row is null)
                    continue;
                if (firstLines.TryGetValue(row.User, out var firstLine))
                {
                    diagnostics.Report(HygieneDiagnostics.DuplicateUser(row.Location with { Record = 0 }, row.User, firstLine));
                    continue;
                }

                firstLines.Add(row.User, row.Location.Line);
                rows.Add(row);
            }
        }
        catch (CsvHelperException e)
        {
            diagnostics.Report(HygieneDiagnostics.MalformedCsv(new SourceLocation(source, Line()), e.Message.Split('\n')[0]));
        }

        return rows.ToImmutable();
    }

    /// <summary>Turns one record into a row, reporting each cell that is not what its column holds.</summary>
    private sealed class RowReader(string source, long line, int number, string[] header, string[] fields, IDiagnosticSink diagnostics)
    {
        private string _user = "";

        public CredentialReportRow? Read()
        {
            var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
                values.TryAdd(header[i], fields[i]);
            _user = values.GetValueOrDefault(CredentialReportColumns.User)?.Trim() ?? "";
            if (_user.Length == 0)
            {
                diagnostics.Report(HygieneDiagnostics.NoUserName(new SourceLocation(source, line, 1)));
                return null;
            }

            if (fields.Length != header.Length)
                diagnostics.Report(HygieneDiagnostics.FieldCount(new SourceLocation(source, line, 1), _user, fields.Length, header.Length));

            return new CredentialReportRow
            {
                Location = new SourceLocation(source, line, 0, number),
                User = _user,
                Arn = values.GetValueOrDefault(CredentialReportColumns.Arn)?.Trim() ?? "",
                UserCreationTime = Date(CredentialReportColumns.UserCreationTime),
                PasswordEnabled = Bool(CredentialReportColumns.PasswordEnabled),
                PasswordLastUsed = Date(CredentialReportColumns.PasswordLastUsed),
                PasswordLastChanged = Date(CredentialReportColumns.PasswordLastChanged),
                MfaActive = Bool(CredentialReportColumns.MfaActive),
                AccessKeys = [Key(1), Key(2)],
                Values = values.ToImmutable(),
            };
        }

        private ReportAccessKey Key(int key)
        {
            _ = Date(CredentialReportColumns.CertLastRotated(key));
            _ = Bool(CredentialReportColumns.CertActive(key));
            return new ReportAccessKey(
                key,
                Bool(CredentialReportColumns.AccessKeyActive(key)),
                Date(CredentialReportColumns.AccessKeyLastRotated(key)),
                Date(CredentialReportColumns.AccessKeyLastUsedDate(key)),
                Text(CredentialReportColumns.AccessKeyLastUsedRegion(key)),
                Text(CredentialReportColumns.AccessKeyLastUsedService(key)));
        }

        private string? Text(string column) =>
            Cell(column, out _) is { } text && !IsSpecial(text) && text.Length > 0 ? text : null;

        private bool? Bool(string column)
        {
            if (Cell(column, out var index) is not { } text || IsSpecial(text))
                return null;
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                return true;
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                return false;
            diagnostics.Report(HygieneDiagnostics.BadValue(At(index), _user, column, text, "`true` or `false`"));
            return null;
        }

        private DateTimeOffset? Date(string column)
        {
            if (Cell(column, out var index) is not { } text || IsSpecial(text) || text.Length == 0)
                return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                return date;
            diagnostics.Report(HygieneDiagnostics.BadValue(At(index), _user, column, text, "an ISO 8601 date and time, `N/A`, `not_supported` or `no_information`"));
            return null;
        }

        private string? Cell(string column, out int index)
        {
            index = Array.IndexOf(header, column);
            return index >= 0 && index < fields.Length ? fields[index].Trim() : null;
        }

        private SourceLocation At(int index)
        {
            long column = 1;
            for (var i = 0; i < index; i++)
                column += fields[i].Length + 1;
            return new SourceLocation(source, line, column);
        }

        private static bool IsSpecial(string text) =>
            text is CredentialReportColumns.NotApplicable or CredentialReportColumns.NotSupported or CredentialReportColumns.NoInformation;
    }
}
