using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Iam.Hygiene;
using Rampart.Iam.Risk;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Hygiene;

/// <summary>
/// Real recorded responses from ../shared/datasets: CloudMapper's demo account and Cloud Custodian's placebo recordings.
/// Each expectation was worked out by reading the sample; ages are measured to the report's own GeneratedTime.
/// </summary>
public sealed class HygieneDatasetTests
{
    private const string CloudMapper = "posture/cloudmapper-demo/us-east-1/";
    private const string Placebo = "posture/custodian-placebo/";

    private static (List<IamFinding> Findings, List<AnalysisNote> Notes) Run(HygieneInputs inputs, DateTimeOffset now)
    {
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        CredentialHygieneChecks.Run(inputs, now, findings, notes);
        return (findings, notes);
    }

    private static string[] Summarise(IEnumerable<IamFinding> findings) =>
        [.. findings.Select(finding => finding.CheckId + " " + finding.Principal.Split(':', 6)[^1]).Order(StringComparer.Ordinal)];

    private static T Clean<T>(Func<IDiagnosticSink, T?> read)
        where T : class
    {
        var bag = new DiagnosticBag();
        var result = read(bag);
        Assert.True(bag.ToImmutableArray().IsEmpty, string.Join("\n", bag.ToImmutableArray()));
        return Assert.IsType<T>(result);
    }

    [SkippableFact]
    public void CloudMappersDemoAccountShowsItsRootKeyItsStaleConsoleUserAndItsStarStarRole()
    {
        var report = Clean(sink => CredentialReportReader.Read(Datasets.Require(CloudMapper + "iam-get-credential-report.json"), sink));
        var summary = Clean(sink => AccountSummaryReader.Read(Datasets.Require(CloudMapper + "iam-get-account-summary.json"), sink));
        var authzPath = Datasets.Require(CloudMapper + "iam-get-account-authorization-details.json");
        var account = AccountAuthorizationReader.Read(authzPath, new DiagnosticBag());

        // The demo's Content is the CSV itself, not base64.
        Assert.Equal(new DateTimeOffset(2019, 5, 7, 15, 40, 22, TimeSpan.Zero), report.GeneratedTime);
        Assert.Equal(["<root_account>", "auditor_tmp", "user"], report.Rows.Select(row => row.User));

        var (findings, notes) = Run(
            new HygieneInputs { CredentialReport = report, AccountSummary = summary, AccountDetails = account, AccountDetailsSource = authzPath },
            report.GeneratedTime!.Value);

        Assert.Equal(
            [
                "iam-access-key-not-rotated user/user",
                "iam-access-key-unused user/user",
                "iam-admin-policy-attached role/bad_role",
                "iam-no-support-role root",
                "iam-password-unused user/user",
                "iam-root-access-key root",
                "iam-user-attached-policies user/USER_WITH_BAD_INLINE_POLICY",
                "iam-user-console-without-mfa user/user",
                "iam-user-multiple-active-keys user/user",
            ],
            Summarise(findings));
        var rootKey = findings.Single(finding => finding.CheckId == HygieneCheckIds.RootAccessKey);
        Assert.Equal("arn:aws:iam::123456789012:root", rootKey.Principal);
        Assert.Contains(rootKey.Proof.Facts, fact => fact.EndsWith("$.Content:2 user <root_account>: access_key_1_active = true", StringComparison.Ordinal));
        Assert.Contains(rootKey.Proof.Facts, fact => fact.EndsWith("SummaryMap.AccountAccessKeysPresent = 1", StringComparison.Ordinal));
        var unused = findings.Single(finding => finding.CheckId == HygieneCheckIds.AccessKeyUnused);
        Assert.Equal("User user's access key 2 was last used 365 days ago; deactivate it.", unused.Title);
        Assert.Equal("inline policy dostuff of role bad_role", findings.Single(finding => finding.CheckId == HygieneCheckIds.AdminPolicyAttached).Policy);

        // The summary counts no server certificates, so that check needs nothing more; no password policy was given.
        Assert.DoesNotContain(notes, note => note.Scope == HygieneCheckIds.ExpiredServerCertificate);
        Assert.Contains(notes, note => note.Scope == HygieneCheckIds.PasswordPolicyLength);
    }

    [SkippableFact]
    public void CustodiansUnusedKeysReportShowsRootWithoutMfaAndKeysNeverUsedSince2012()
    {
        var report = Clean(sink => CredentialReportReader.Read(Datasets.Require(Placebo + "test_iam_user_unused_keys/iam.GetCredentialReport_2.json"), sink));
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 14, 30, 42, TimeSpan.Zero), report.GeneratedTime);

        var (findings, _) = Run(new HygieneInputs { CredentialReport = report }, report.GeneratedTime!.Value);

        Assert.Equal(
            [
                "iam-access-key-not-rotated user/Hazmat",
                "iam-access-key-not-rotated user/charmworld",
                "iam-access-key-not-rotated user/kaleb",
                "iam-access-key-not-rotated user/kapilt",
                "iam-access-key-not-rotated user/tyre",
                "iam-access-key-setup-unused user/kaleb",
                "iam-access-key-unused user/Hazmat",
                "iam-access-key-unused user/charmworld",
                "iam-access-key-unused user/kaleb",
                "iam-access-key-unused user/kapilt",
                "iam-password-unused user/kaleb",
                "iam-root-access-key root",
                "iam-root-mfa root",
                "iam-root-recent-use root",
                "iam-user-console-without-mfa user/kaleb",
            ],
            Summarise(findings));
        var recent = findings.Single(finding => finding.CheckId == HygieneCheckIds.RootRecentUse);
        Assert.Contains("password_last_used = 2016-11-25T14:19:48+00:00, 0 days before 2016-11-25T14:30:42Z", recent.Proof.Facts[0], StringComparison.Ordinal);
        Assert.Equal("The root user was used within the last day; everyday work should use IAM users or roles.", recent.Title);
    }

    [SkippableFact]
    public void TheRecordedReportNotPresentErrorIsReportedAndGivesNoReport()
    {
        var path = Datasets.Require(Placebo + "test_iam_user_unused_keys/iam.GetCredentialReport_1.json");
        var bag = new DiagnosticBag();

        Assert.Null(CredentialReportReader.Read(path, bag));
        Assert.Equal(
            $"{path}:15:18: HYG004: the input is an error response of `aws iam get-credential-report`: ReportNotPresent; nothing was read.",
            Assert.Single(bag.ToImmutableArray()).ToString());
    }

    [SkippableFact]
    public void CustodiansAccountReportRepeatsAUserAndShowsEightConsoleUsersWithoutMfa()
    {
        var path = Datasets.Require(Placebo + "test_account_credential_report/iam.GetCredentialReport_1.json");
        var bag = new DiagnosticBag();
        var report = CredentialReportReader.Read(path, bag)!;

        // Christopher has two rows in this recording; the first is kept.
        Assert.Equal(
            $"{path}: $.data.Content:10: HYG010: user `christopher` already has a row (line 9); this row was ignored.",
            Assert.Single(bag.ToImmutableArray()).ToString());
        Assert.Equal(20, report.Rows.Length);

        var (findings, _) = Run(new HygieneInputs { CredentialReport = report }, report.GeneratedTime!.Value);

        Assert.Equal(
            ["andrew", "christopher", "jeff", "Jennifer", "kapil", "kit", "scot", "steven"],
            findings.Where(finding => finding.CheckId == HygieneCheckIds.ConsoleUserWithoutMfa).Select(finding => finding.Principal.Split('/')[^1]));
        Assert.Equal(
            ["andrew", "kit"],
            findings.Where(finding => finding.CheckId == HygieneCheckIds.MultipleActiveAccessKeys).Select(finding => finding.Principal.Split('/')[^1]));
        Assert.DoesNotContain(findings, finding => finding.CheckId is HygieneCheckIds.RootMfa or HygieneCheckIds.RootAccessKey);
    }

    [SkippableFact]
    public void CustodiansPasswordPolicyRecordingsReadAsMissingAndAsWeak()
    {
        var missingPath = Datasets.Require(Placebo + "test_account_missing_password_policy/iam.GetAccountPasswordPolicy_1.json");
        var bag = new DiagnosticBag();
        var missing = PasswordPolicyReader.Read(missingPath, bag)!;
        var weak = Clean(sink => PasswordPolicyReader.Read(Datasets.Require(Placebo + "test_account_password_policy_update/iam.GetAccountPasswordPolicy_1.json"), sink));

        Assert.False(missing.IsSet);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(bag.ToImmutableArray()).Severity);
        Assert.Equal([HygieneCheckIds.PasswordPolicyMissing], Run(new HygieneInputs { PasswordPolicy = missing }, default).Findings.Select(finding => finding.CheckId));

        var findings = Run(new HygieneInputs { PasswordPolicy = weak }, default).Findings;
        Assert.Equal([HygieneCheckIds.PasswordPolicyLength, HygieneCheckIds.PasswordPolicyReuse, HygieneCheckIds.PasswordPolicyComplexity], findings.Select(finding => finding.CheckId));
        Assert.EndsWith(":5:38: PasswordPolicy.MinimumPasswordLength = 10", findings[0].Proof.Facts[0], StringComparison.Ordinal);
        Assert.Equal("The password policy does not require an uppercase letter, a lowercase letter, a symbol, a number.", findings[2].Title);
    }

    [SkippableFact]
    public void CustodiansAccountSummaryShowsRootWithMfaAndWithoutKeys()
    {
        var summary = Clean(sink => AccountSummaryReader.Read(Datasets.Require(Placebo + "test_account_root_mfa/iam.GetAccountSummary_1.json"), sink));

        Assert.Equal((true, false, 0L), (summary.AccountMfaEnabled, summary.AccountAccessKeysPresent, summary.ServerCertificates));
        Assert.Equal(5, summary.Value("Users"));
        var (findings, notes) = Run(new HygieneInputs { AccountSummary = summary }, default);
        Assert.Empty(findings);
        Assert.Contains(notes, note => note.Scope == HygieneCheckIds.RootHardwareMfa);
    }

    [SkippableFact]
    public void CustodiansVirtualMfaListGivesRootsDeviceByItsUserNotByTheDeviceCalledRoot()
    {
        var devices = Clean(sink => VirtualMfaDeviceReader.Read(Datasets.Require(Placebo + "test_account_virtual_mfa/iam.ListVirtualMFADevices_1.json"), sink));

        Assert.Equal(4, devices.Devices.Length);
        var finding = Assert.Single(Run(new HygieneInputs { VirtualMfaDevices = devices }, default).Findings);
        Assert.Equal(HygieneCheckIds.RootHardwareMfa, finding.CheckId);
        Assert.Equal("arn:aws:iam::644160558196:root", finding.Principal);
        Assert.Contains("arn:aws:iam::644160558196:mfa/test_mfa_device2", finding.Proof.Facts[0], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 4, 8, 10, 21, 10, TimeSpan.Zero), devices.Devices[1].EnableDate);
    }

    [SkippableFact]
    public void CloudsplainingsAccountHasThreeUsersWithTheirOwnPoliciesAndAdministratorAccessAttachedTwice()
    {
        var path = Datasets.Require("iam/cloudsplaining/test_files_example-authz-details.json");
        var account = AccountAuthorizationReader.Read(path, new DiagnosticBag());

        var (findings, _) = Run(new HygieneInputs { AccountDetails = account, AccountDetailsSource = path }, default);

        Assert.Equal(
            [
                "iam-admin-policy-attached policy/AdministratorAccess",
                "iam-no-support-role root",
                "iam-user-attached-policies user/biden",
                "iam-user-attached-policies user/obama",
                "iam-user-attached-policies user/userwithlotsofpermissions",
            ],
            Summarise(findings));
        var admin = findings.Single(finding => finding.CheckId == HygieneCheckIds.AdminPolicyAttached);
        Assert.Equal(["CIS 1.16"], admin.Controls.ToArray());
        Assert.Equal(3, admin.Proof.Facts.Length);
        Assert.Contains(admin.Proof.Facts, fact => fact.EndsWith("attached to user obama (arn:aws:iam::012345678901:user/obama)", StringComparison.Ordinal));
        Assert.Contains(admin.Proof.Facts, fact => fact.EndsWith("attached to group admin (arn:aws:iam::012345678901:group/admin)", StringComparison.Ordinal));
    }
}
