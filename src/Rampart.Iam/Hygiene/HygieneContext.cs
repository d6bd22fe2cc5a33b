using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Hygiene;

/// <summary>What every hygiene check shares: the inputs, the clock reading, the thresholds, and where results go.</summary>
internal sealed class HygieneContext(HygieneInputs inputs, DateTimeOffset now, HygieneOptions options, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
{
    public HygieneInputs Inputs { get; } = inputs;

    public DateTimeOffset Now { get; } = now;

    public HygieneOptions Options { get; } = options;

    public string AccountDetailsSource => Inputs.AccountDetailsSource ?? "account authorization details";

    /// <summary>The root user's ARN: from the credential report's root row, else built from the export's account id, else <c>&lt;root_account&gt;</c>.</summary>
    public string RootArn =>
        Inputs.CredentialReport?.Root is { Arn.Length: > 0 } root ? root.Arn
        : Inputs.AccountDetails?.AccountId is { } account ? "arn:aws:iam::" + account + ":root"
        : CredentialReportColumns.RootUser;

    public void Add(string checkId, Severity severity, string principal, string title, IEnumerable<string> facts, ImmutableArray<string> controls, string? policy = null, string? statement = null) =>
        findings.Add(new IamFinding
        {
            CheckId = checkId,
            Category = RiskCategory.CredentialHygiene,
            Severity = severity,
            Principal = principal,
            Title = title,
            Policy = policy,
            Statement = statement,
            Proof = new FindingProof([.. facts], [], []),
            Controls = controls,
        });

    public void Note(string scope, string message) => notes.Add(new AnalysisNote(scope, message));

    /// <summary>Whole days from <paramref name="date"/> to now; 0 for a date after now.</summary>
    public int DaysSince(DateTimeOffset date) => Math.Max(0, (int)Math.Floor((Now - date).TotalDays));

    public string NowText => Format(Now);

    public static string Format(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    /// <summary>A fact naming a credential report cell: <c>report.csv:4 user alice: mfa_active = false</c>.</summary>
    public static string Cell(CredentialReportRow row, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.Location.Path}:{row.Location.Line} user {row.User}: {column} ")
        + (row.Value(column) is { } value ? "= " + value : "is absent");

    /// <summary>A fact naming an account summary entry: <c>summary.json:5:9: SummaryMap.AccountMFAEnabled = 0</c>.</summary>
    public static string Summary(AccountSummary summary, string name) =>
        summary.Locations.TryGetValue(name, out var at)
            ? $"{at}: SummaryMap.{name} = {summary.Value(name)?.ToString(CultureInfo.InvariantCulture)}"
            : $"{summary.Source}: SummaryMap.{name} is absent";

    /// <summary>A fact naming a password policy member: <c>policy.json:3:5: PasswordPolicy.MinimumPasswordLength = 10</c>.</summary>
    public static string Policy(AccountPasswordPolicy policy, string member, object? value) =>
        policy.Locations.TryGetValue(member, out var at) && value is not null
            ? $"{at}: PasswordPolicy.{member} = {(value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture))}"
            : $"{policy.Source}: PasswordPolicy.{member} is absent";

    public static ImmutableArray<string> Controls(params string[] controls) => [.. controls];
}
