using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// The catalog of problems the hygiene input readers (<see cref="CredentialReportReader"/>, <see cref="PasswordPolicyReader"/>,
/// <see cref="AccountSummaryReader"/>, <see cref="ServerCertificateReader"/>, <see cref="VirtualMfaDeviceReader"/>) report.
/// Messages about JSON name the JSON path of the value at fault; messages about the credential report name the row's user
/// and the column.
/// </summary>
public static class HygieneDiagnostics
{
    /// <summary>The file does not exist, cannot be read, or is larger than the reader's limit. Error; nothing was read.</summary>
    public const string CannotReadCode = "HYG001";

    /// <summary>The input is not valid JSON. Error; nothing was read from it.</summary>
    public const string InvalidJsonCode = "HYG002";

    /// <summary>The input is JSON but not the response the reader expects (no <c>SummaryMap</c>, no <c>Content</c>…). Error; nothing was read.</summary>
    public const string NotTheResponseCode = "HYG003";

    /// <summary>
    /// The input is a recorded error response. Error, except <c>NoSuchEntity</c> from <c>get-account-password-policy</c>, which
    /// means no password policy is set (Info).
    /// </summary>
    public const string ErrorResponseCode = "HYG004";

    /// <summary>A JSON value has the wrong type or an unreadable date. Warning; the value was ignored.</summary>
    public const string WrongTypeCode = "HYG005";

    /// <summary>The credential report's <c>Content</c> is neither base64 of the CSV nor the CSV itself. Error; nothing was read.</summary>
    public const string BadContentCode = "HYG006";

    /// <summary>
    /// The credential report's header lacks <c>user</c> or <c>arn</c> (Error; nothing was read) or other columns the
    /// checks use (Warning; the checks that need them see no value).
    /// </summary>
    public const string MissingColumnCode = "HYG007";

    /// <summary>A credential report row has more or fewer fields than the header. Warning; the fields present were read by position.</summary>
    public const string FieldCountCode = "HYG008";

    /// <summary>A credential report cell is not what its column holds (a date, <c>true</c>/<c>false</c>, <c>N/A</c>…). Warning; the value was ignored.</summary>
    public const string BadValueCode = "HYG009";

    /// <summary>A user appears in two rows of the credential report, or a row has no user name. Warning; the later (or unnamed) row was ignored.</summary>
    public const string DuplicateRowCode = "HYG010";

    /// <summary>The input is empty. Warning for the credential report, summary and lists (nothing read); Info for the password policy (no policy set).</summary>
    public const string EmptyCode = "HYG011";

    /// <summary>The CSV itself is malformed (a stray quote, a field over the size limit) or has more rows than the limit. Error; rows before it were kept.</summary>
    public const string MalformedCsvCode = "HYG012";

    /// <summary>More problems than the per-input limit (100); this one stands for the rest. Warning.</summary>
    public const string TooManyProblemsCode = "HYG013";

    internal const int MaxDiagnostics = 100;

    internal static Diagnostic NotFound(string path) =>
        Error(CannotReadCode, "no file at this path.", new SourceLocation(path));

    internal static Diagnostic NoPolicyFile(string path) =>
        Info(CannotReadCode, "no file at this path; taken to mean no password policy is set (`aws iam get-account-password-policy` prints nothing when none is).", new SourceLocation(path));

    internal static Diagnostic CannotRead(string path, string reason) =>
        Error(CannotReadCode, $"the file cannot be read: {reason.TrimEnd('.')}.", new SourceLocation(path));

    internal static Diagnostic TooLarge(string path, long limit) =>
        Error(CannotReadCode, string.Create(CultureInfo.InvariantCulture, $"the input is larger than the limit of {limit:N0} bytes; nothing was read."), new SourceLocation(path));

    internal static Diagnostic InvalidJson(SourceLocation at, string reason) =>
        Error(InvalidJsonCode, $"the input is not valid JSON: {reason}; nothing was read.", at);

    internal static Diagnostic NotTheResponse(SourceLocation at, string command, string expected) =>
        Error(NotTheResponseCode, $"the input has no {expected}: it is not output of `{command}`; nothing was read.", at);

    internal static Diagnostic ErrorResponse(SourceLocation at, string command, string code, string? message) =>
        Error(ErrorResponseCode, $"the input is an error response of `{command}`: {code}{(message is null ? "" : " (" + message.TrimEnd('.') + ")")}; nothing was read.", at);

    internal static Diagnostic NoPasswordPolicy(SourceLocation at, string code) =>
        Info(ErrorResponseCode, $"the input is the `{code}` error of `aws iam get-account-password-policy`: no password policy is set.", at);

    internal static Diagnostic WrongType(SourceLocation at, string path, string expected, string actual) =>
        Warning(WrongTypeCode, $"`{path}` must be {expected} but is {actual}; it was ignored.", at);

    internal static Diagnostic BadDate(SourceLocation at, string path, string value) =>
        Warning(WrongTypeCode, $"`{path}` is `{Shorten(value)}`, which is not an ISO 8601 date and time; it was ignored.", at);

    internal static Diagnostic BadContent(SourceLocation at) =>
        Error(BadContentCode, "`Content` is neither base64 of the credential report CSV nor the CSV itself; nothing was read.", at);

    internal static Diagnostic NotCsvFormat(SourceLocation at, string format) =>
        Warning(BadContentCode, $"`ReportFormat` is `{Shorten(format)}`, not `text/csv`; the content was read as CSV anyway.", at);

    internal static Diagnostic NotAReport(SourceLocation at, string missing) =>
        Error(MissingColumnCode, $"the header has no `{missing}` column: this is not an IAM credential report; nothing was read.", at);

    internal static Diagnostic MissingColumns(SourceLocation at, IReadOnlyList<string> columns) =>
        Warning(
            MissingColumnCode,
            $"the header lacks {(columns.Count == 1 ? "the column" : "the columns")} {string.Join(", ", columns.Select(column => "`" + column + "`"))}; checks that need {(columns.Count == 1 ? "it" : "them")} see no value.",
            at);

    internal static Diagnostic FieldCount(SourceLocation at, string user, int actual, int expected) =>
        Warning(
            FieldCountCode,
            string.Create(CultureInfo.InvariantCulture, $"the row of user `{Shorten(user)}` has {actual} fields, the header {expected}; the fields present were read by position."),
            at);

    internal static Diagnostic BadValue(SourceLocation at, string user, string column, string value, string expected) =>
        Warning(BadValueCode, $"user `{Shorten(user)}`, column `{column}`: `{Shorten(value)}` is not {expected}; it was ignored.", at);

    internal static Diagnostic DuplicateUser(SourceLocation at, string user, long firstLine) =>
        Warning(
            DuplicateRowCode,
            string.Create(CultureInfo.InvariantCulture, $"user `{Shorten(user)}` already has a row (line {firstLine}); this row was ignored."),
            at);

    internal static Diagnostic NoUserName(SourceLocation at) =>
        Warning(DuplicateRowCode, "the row has no user name; it was ignored.", at);

    internal static Diagnostic Empty(SourceLocation at) =>
        Warning(EmptyCode, "the input is empty; there is nothing to read.", at);

    internal static Diagnostic EmptyPolicy(SourceLocation at) =>
        Info(EmptyCode, "the input is empty; taken to mean no password policy is set (`aws iam get-account-password-policy` prints nothing when none is).", at);

    internal static Diagnostic MalformedCsv(SourceLocation at, string reason) =>
        Error(MalformedCsvCode, $"the CSV is malformed: {reason.TrimEnd('.')}; the rows before this point were kept, the rest were not read.", at);

    internal static Diagnostic BadCsvData(SourceLocation at, string field) =>
        Warning(MalformedCsvCode, $"a field holds a stray quote (`{Shorten(field)}`); it was read as written.", at);

    internal static Diagnostic TooManyRows(SourceLocation at, int limit) =>
        Error(MalformedCsvCode, string.Create(CultureInfo.InvariantCulture, $"more than {limit:N0} rows (the limit); the rest were not read."), at);

    internal static Diagnostic TooManyProblems(SourceLocation at) =>
        Warning(TooManyProblemsCode, string.Create(CultureInfo.InvariantCulture, $"more than {MaxDiagnostics} problems; the rest are not reported."), at);

    private static string Shorten(string text) =>
        text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    private static Diagnostic Error(string code, string message, SourceLocation at) => new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(string code, string message, SourceLocation at) => new(DiagnosticSeverity.Warning, code, message, at);

    private static Diagnostic Info(string code, string message, SourceLocation at) => new(DiagnosticSeverity.Info, code, message, at);
}
