using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.Logs;

/// <summary>
/// The catalog of problems log readers report: every code and message lives here, so that codes stay stable and
/// messages stay consistent. docs/log-formats.md lists them.
/// </summary>
public static class LogDiagnostics
{
    /// <summary>The file is neither JSON nor a VPC flow log (binary data, other text); nothing was read from it.</summary>
    public const string UnknownFormatCode = "LOG001";

    /// <summary>The file is empty (after decompression).</summary>
    public const string EmptyFileCode = "LOG002";

    /// <summary>A record is not valid JSON, or unexpected text stands between records.</summary>
    public const string InvalidJsonCode = "LOG003";

    /// <summary>A record is valid JSON but not an object (a string, a number, an array).</summary>
    public const string NotAnObjectCode = "LOG004";

    /// <summary><c>Records</c>, <c>findings</c> or <c>QueryResultRows</c> holds something other than an array.</summary>
    public const string ContainerNotArrayCode = "LOG005";

    /// <summary>A record is larger than <see cref="LogReadOptions.MaxRecordBytes"/>.</summary>
    public const string RecordTooLargeCode = "LOG006";

    /// <summary>The file ends in the middle of a record or of a <c>Records</c> array.</summary>
    public const string TruncatedCode = "LOG007";

    /// <summary>The gzip data is corrupt; the file was read up to the damage.</summary>
    public const string DecompressionFailedCode = "LOG008";

    /// <summary>A flow log line has a different number of fields than its header.</summary>
    public const string FlowFieldCountCode = "LOG009";

    /// <summary>A numeric flow log field holds something other than a whole number or <c>-</c>.</summary>
    public const string FlowBadNumberCode = "LOG010";

    /// <summary>A JSON record matches none of the log sources Rampart reads.</summary>
    public const string UnrecognisedRecordCode = "LOG011";

    /// <summary>A CloudTrail digest or Insights file was skipped (they hold no API events).</summary>
    public const string SkippedFileCode = "LOG012";

    /// <summary>A path given to read does not exist.</summary>
    public const string PathNotFoundCode = "LOG013";

    /// <summary>A file could not be opened or read (permissions, I/O error).</summary>
    public const string CannotReadCode = "LOG014";

    /// <summary>More problems in one file than <see cref="LogReadOptions.MaxDiagnosticsPerFile"/>; this one stands for the rest.</summary>
    public const string MoreProblemsCode = "LOG015";

    /// <summary>The file is not JSON although the forced format is a JSON format.</summary>
    public const string FormatMismatchCode = "LOG016";

    /// <summary>The gzip data ends before its trailer: the file was cut short.</summary>
    public const string GzipTruncatedCode = "LOG017";

    /// <summary>A flow log line without a header has a number of fields that matches no known layout.</summary>
    public const string FlowUnknownLayoutCode = "LOG018";

    internal static Diagnostic UnknownFormat(SourceLocation location, string what) =>
        Error(UnknownFormatCode, $"the file is not a log Rampart reads ({what}); nothing was read from it", location);

    internal static Diagnostic EmptyFile(string path) =>
        new(DiagnosticSeverity.Warning, EmptyFileCode, "the file is empty; nothing was read from it", new SourceLocation(path));

    internal static Diagnostic InvalidJson(SourceLocation location, string reason) =>
        Error(InvalidJsonCode, $"invalid JSON: {reason}; the record was skipped", location);

    internal static Diagnostic IncompleteLine(SourceLocation location) =>
        Error(InvalidJsonCode, "the line ends before its JSON value is complete; the record was skipped", location);

    internal static Diagnostic UnexpectedText(SourceLocation location, string where) =>
        Error(InvalidJsonCode, $"unexpected text {where}; it was skipped", location);

    internal static Diagnostic NotAnObject(SourceLocation location, string kind) =>
        Error(NotAnObjectCode, $"expected a JSON object as a record but found {kind}; the record was skipped", location);

    internal static Diagnostic ContainerNotArray(SourceLocation location, string name, string kind) =>
        Error(ContainerNotArrayCode, $"`{name}` holds {kind}, not an array of records; the record was skipped", location);

    internal static Diagnostic RecordTooLarge(SourceLocation location, int limit) =>
        Error(RecordTooLargeCode, string.Create(CultureInfo.InvariantCulture, $"the record is larger than the limit of {limit:N0} bytes (MaxRecordBytes); it was skipped"), location);

    internal static Diagnostic TruncatedRecord(SourceLocation location) =>
        Error(TruncatedCode, "the file ends in the middle of this record; the incomplete record was skipped", location);

    internal static Diagnostic TruncatedContainer(SourceLocation location, string name) =>
        Error(TruncatedCode, $"the file ends inside the `{name}` array; the records before the cut were read", location);

    internal static Diagnostic TruncatedAfterContainer(SourceLocation location, string name) =>
        Error(TruncatedCode, $"the file ends before the object holding `{name}` is closed; its records were read", location);

    internal static Diagnostic DecompressionFailed(SourceLocation location, string reason) =>
        Error(DecompressionFailedCode, $"the gzip data is corrupt ({reason.TrimEnd('.')}); the records before this point were read, the rest of the file was not", location);

    internal static Diagnostic GzipTruncated(SourceLocation location) =>
        Error(GzipTruncatedCode, "the gzip data ends before its trailer, so the file was cut short; the records before the cut were read", location);

    internal static Diagnostic FlowFieldCount(SourceLocation location, int count, int expected) =>
        Error(FlowFieldCountCode, string.Create(CultureInfo.InvariantCulture, $"the flow record has {count} fields but the header names {expected}; the record was skipped"), location);

    internal static Diagnostic FlowUnknownLayout(SourceLocation location, int count) =>
        Error(
            FlowUnknownLayoutCode,
            string.Create(CultureInfo.InvariantCulture, $"the flow record has {count} fields and the file has no header line; without one only the default format (14 fields) and all fields in AWS order (29, 39 or 40 fields) are known; the record was skipped"),
            location);

    internal static Diagnostic FlowBadNumber(SourceLocation location, string field, string value) =>
        Error(FlowBadNumberCode, $"field `{field}` must be a whole number or `-` but is `{Shorten(value)}`; the record was skipped", location);

    internal static Diagnostic UnrecognisedRecord(SourceLocation location) =>
        Error(
            UnrecognisedRecordCode,
            "the JSON record is not a CloudTrail event, VPC flow record, Route 53 Resolver query or GuardDuty finding; it was skipped (give the format explicitly if the file holds one of them)",
            location);

    internal static Diagnostic SkippedDigestFile(string path) =>
        Info(SkippedFileCode, "CloudTrail digest files hold no events; the file was skipped", new SourceLocation(path));

    internal static Diagnostic SkippedInsightsFile(string path) =>
        Info(SkippedFileCode, "CloudTrail Insights files hold no API events; the file was skipped", new SourceLocation(path));

    internal static Diagnostic SkippedUnderFolder(string path, int digests, int insights) =>
        Info(SkippedFileCode, string.Create(CultureInfo.InvariantCulture, $"skipped {digests:N0} CloudTrail digest and {insights:N0} Insights files under this folder (they hold no API events)"), new SourceLocation(path));

    internal static Diagnostic PathNotFound(string path) =>
        Error(PathNotFoundCode, "no file or folder at this path", new SourceLocation(path));

    internal static Diagnostic CannotRead(string path, string reason) =>
        Error(CannotReadCode, $"the file could not be read: {reason.TrimEnd('.')}", new SourceLocation(path));

    internal static Diagnostic MoreProblems(string path, int count) =>
        new(
            DiagnosticSeverity.Warning,
            MoreProblemsCode,
            string.Create(CultureInfo.InvariantCulture, $"{count:N0} more problems in this file were not listed; every skipped record was counted and quarantined"),
            new SourceLocation(path));

    internal static Diagnostic FormatMismatch(string path, LogFormat format) =>
        Error(FormatMismatchCode, $"the file does not hold JSON, but {format} logs are JSON; nothing was read from it", new SourceLocation(path));

    private static Diagnostic Error(string code, string message, SourceLocation location) => new(DiagnosticSeverity.Error, code, message, location);

    private static Diagnostic Info(string code, string message, SourceLocation location) => new(DiagnosticSeverity.Info, code, message, location);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
