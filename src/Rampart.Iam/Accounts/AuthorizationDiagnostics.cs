using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Accounts;

/// <summary>
/// The catalog of problems <see cref="AccountAuthorizationReader"/> reports: every code and message lives here, so that
/// codes stay stable and messages stay consistent. Each message starts with the JSON path of the value at fault (such as
/// <c>$.RoleDetailList[2].RoleName</c>); the location carries the file, line and column.
/// </summary>
public static class AuthorizationDiagnostics
{
    /// <summary>The file does not exist, cannot be read, or is larger than <see cref="AccountAuthorizationReader.MaxInputBytes"/>. Error; nothing was read.</summary>
    public const string CannotReadCode = "AUTHZ001";

    /// <summary>The input is not valid JSON. Error; what came before the damage was read.</summary>
    public const string InvalidJsonCode = "AUTHZ002";

    /// <summary>The input is JSON but not the output of <c>aws iam get-account-authorization-details</c> (nor an array of such pages). Error; that value was skipped.</summary>
    public const string NotAuthorizationDetailsCode = "AUTHZ003";

    /// <summary>
    /// A value has the wrong JSON type. Error when the entry holding it was skipped; Warning when only an optional field was
    /// ignored, or when a single object stood where an array belongs and was read as a list of one.
    /// </summary>
    public const string WrongTypeCode = "AUTHZ004";

    /// <summary>A required member is absent. Error when the entry was skipped; Warning when a role was read without its trust policy or a boundary was ignored.</summary>
    public const string MissingMemberCode = "AUTHZ005";

    /// <summary>A policy document given as a string is not valid URL-encoded text (a bad <c>%</c> escape, or bytes that are not UTF-8). Error; the document was skipped.</summary>
    public const string BadUrlEncodingCode = "AUTHZ006";

    /// <summary>A policy document is neither a JSON object nor a string holding one (URL-encoded or not). Error; the document was skipped.</summary>
    public const string NotAPolicyDocumentCode = "AUTHZ007";

    /// <summary>A managed policy's <c>PolicyVersionList</c> holds no default version. Error; the policy was skipped.</summary>
    public const string NoDefaultVersionCode = "AUTHZ008";

    /// <summary>A user, group or role attaches (or is bounded by) a managed policy that <c>Policies</c> does not hold. Warning; the policy's permissions are unknown.</summary>
    public const string MissingPolicyCode = "AUTHZ009";

    /// <summary>A user is in a group that <c>GroupDetailList</c> does not hold. Warning; the group's policies are unknown.</summary>
    public const string UnknownGroupCode = "AUTHZ010";

    /// <summary>A user, group or role name, or a policy ARN, appears twice (overlapping pages). Warning; the later one was ignored.</summary>
    public const string DuplicateCode = "AUTHZ011";

    /// <summary>A date is not an ISO 8601 date and time. Warning; the date was ignored.</summary>
    public const string BadDateCode = "AUTHZ012";

    /// <summary>An <c>Arn</c> is not an IAM ARN. Warning; it was kept as written.</summary>
    public const string BadArnCode = "AUTHZ013";

    /// <summary>The ARNs name more than one account. Warning; the account most ARNs name is taken.</summary>
    public const string SeveralAccountsCode = "AUTHZ014";

    /// <summary>The input is empty or only whitespace. Warning; the result is empty.</summary>
    public const string EmptyCode = "AUTHZ015";

    /// <summary>More problems than <see cref="AccountAuthorizationReader.MaxDiagnostics"/>; this one stands for the rest. Warning.</summary>
    public const string TooManyProblemsCode = "AUTHZ016";

    internal static Diagnostic NotFound(string path) =>
        Error(CannotReadCode, "no file at this path.", new SourceLocation(path));

    internal static Diagnostic CannotRead(string path, string reason) =>
        Error(CannotReadCode, $"the file cannot be read: {reason.TrimEnd('.')}.", new SourceLocation(path));

    internal static Diagnostic TooLarge(string path, long limit) =>
        Error(CannotReadCode, string.Create(CultureInfo.InvariantCulture, $"the input is larger than the limit of {limit:N0} bytes (MaxInputBytes); nothing was read."), new SourceLocation(path));

    internal static Diagnostic InvalidJson(SourceLocation at, string reason) =>
        Error(InvalidJsonCode, $"the input is not valid JSON: {reason}; what came before this point was read, the rest was not.", at);

    internal static Diagnostic NotAPage(SourceLocation at, string path) =>
        Error(
            NotAuthorizationDetailsCode,
            $"`{path}` holds none of `UserDetailList`, `GroupDetailList`, `RoleDetailList`, `Policies`: it is not output of `aws iam get-account-authorization-details`; it was skipped.",
            at);

    internal static Diagnostic NotAnObjectOrPages(SourceLocation at, string path, string actual) =>
        Error(
            NotAuthorizationDetailsCode,
            $"`{path}` is {actual}, not the object `aws iam get-account-authorization-details` prints (or an array of such pages); it was skipped.",
            at);

    internal static Diagnostic WrongTypeSkipped(SourceLocation at, string path, string expected, string actual, string what) =>
        Error(WrongTypeCode, $"`{path}` must be {expected} but is {actual}; the {what} was skipped.", at);

    internal static Diagnostic WrongTypeIgnored(SourceLocation at, string path, string expected, string actual) =>
        Warning(WrongTypeCode, $"`{path}` must be {expected} but is {actual}; it was ignored.", at);

    internal static Diagnostic SingleObjectAsList(SourceLocation at, string path) =>
        Warning(WrongTypeCode, $"`{path}` is an object, not an array; it was read as a list of one.", at);

    internal static Diagnostic MissingMember(SourceLocation at, string path, string member, string what) =>
        Error(MissingMemberCode, $"`{path}` has no `{member}`; the {what} was skipped.", at);

    internal static Diagnostic MissingTrustPolicy(SourceLocation at, string path) =>
        Warning(MissingMemberCode, $"`{path}` has no `AssumeRolePolicyDocument`; the role was read without a trust policy.", at);

    internal static Diagnostic MissingBoundaryArn(SourceLocation at, string path) =>
        Warning(MissingMemberCode, $"`{path}` has no `PermissionsBoundaryArn`; the boundary was ignored.", at);

    internal static Diagnostic BadUrlEncoding(SourceLocation at, string path, string reason, string consequence) =>
        Error(BadUrlEncodingCode, $"`{path}` is not valid URL-encoded text: {reason}; {consequence}.", at);

    internal static Diagnostic NotAPolicyDocument(SourceLocation at, string path, string actual, string consequence) =>
        Error(NotAPolicyDocumentCode, $"`{path}` must be a policy document (a JSON object, or a string holding one, URL-encoded or not) but is {actual}; {consequence}.", at);

    internal static Diagnostic DefaultVersionNotFound(SourceLocation at, string path, string versionId) =>
        Error(NoDefaultVersionCode, $"`{path}` has no version `{versionId}` (its `DefaultVersionId`); the policy was skipped.", at);

    internal static Diagnostic NoDefaultVersion(SourceLocation at, string path) =>
        Error(NoDefaultVersionCode, $"`{path}` names no default version (no `DefaultVersionId`, and no version with `IsDefaultVersion` true); the policy was skipped.", at);

    internal static Diagnostic MissingPolicy(SourceLocation at, string path, string arn, int references) =>
        Warning(
            MissingPolicyCode,
            $"`{path}` names `{arn}`, which is not in `Policies` ({Times(references)}); its permissions are unknown and left out of effective policies.",
            at);

    internal static Diagnostic NoPolicies(SourceLocation at, int policies) =>
        Warning(
            MissingPolicyCode,
            string.Create(
                CultureInfo.InvariantCulture,
                $"the input has no `Policies`, so the documents of the {policies:N0} managed policies it attaches are unknown and left out of effective policies (run `aws iam get-account-authorization-details` without `--filter`, or with `LocalManagedPolicy AWSManagedPolicy` too)."),
            at);

    internal static Diagnostic UnknownGroup(SourceLocation at, string path, string group, int references) =>
        Warning(
            UnknownGroupCode,
            $"`{path}` names group `{group}`, which is not in `GroupDetailList` ({Times(references)}); its policies are unknown and left out of effective policies.",
            at);

    internal static Diagnostic Duplicate(SourceLocation at, string path, string what, string key, string firstPath) =>
        Warning(DuplicateCode, $"`{path}` repeats the {what} `{key}` read at `{firstPath}`; this one was ignored.", at);

    internal static Diagnostic BadDate(SourceLocation at, string path, string value) =>
        Warning(BadDateCode, $"`{path}` is `{Shorten(value)}`, which is not an ISO 8601 date and time; it was ignored.", at);

    internal static Diagnostic BadArn(SourceLocation at, string path, string value) =>
        Warning(BadArnCode, $"`{path}` is `{Shorten(value)}`, which is not an IAM ARN (`arn:partition:iam::account:resource`); it was kept as written.", at);

    internal static Diagnostic SeveralAccounts(SourceLocation at, IReadOnlyList<string> accounts, string chosen) =>
        Warning(
            SeveralAccountsCode,
            string.Create(CultureInfo.InvariantCulture, $"the ARNs name {accounts.Count} accounts ({string.Join(", ", accounts)}); the account is taken to be {chosen}, which most of them name."),
            at);

    internal static Diagnostic Empty(SourceLocation at) =>
        Warning(EmptyCode, "the input is empty; there is nothing to read.", at);

    internal static Diagnostic TooManyProblems(SourceLocation at, int limit) =>
        Warning(TooManyProblemsCode, string.Create(CultureInfo.InvariantCulture, $"more than {limit} problems; the rest are not reported."), at);

    private static string Times(int count) =>
        count == 1 ? "referenced once" : string.Create(CultureInfo.InvariantCulture, $"referenced {count:N0} times");

    private static string Shorten(string text) =>
        text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    private static Diagnostic Error(string code, string message, SourceLocation at) => new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(string code, string message, SourceLocation at) => new(DiagnosticSeverity.Warning, code, message, at);
}
