using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Hygiene;
using Rampart.Iam.Risk;
using Rampart.Iam.Tests.Accounts;

namespace Rampart.Iam.Tests.Hygiene;

public sealed class CredentialHygieneChecksTests
{
    private static readonly string Root = Report.User(CredentialReportColumns.RootUser, "mfa_active=true", "password_last_used=" + Report.DaysAgo(200));

    private static (List<IamFinding> Findings, List<AnalysisNote> Notes) Run(HygieneInputs inputs)
    {
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        CredentialHygieneChecks.Run(inputs, Report.Now, findings, notes);
        Assert.All(findings, finding => Assert.Equal(RiskCategory.CredentialHygiene, finding.Category));
        Assert.All(findings, finding => Assert.NotEmpty(finding.Proof.Facts));
        Assert.All(findings, finding => Assert.NotEmpty(finding.Controls));
        return (findings, notes);
    }

    private static List<IamFinding> RunReport(params string[] rows) =>
        Run(new HygieneInputs { CredentialReport = Report.ParseClean(Report.Csv([Root, .. rows])) }).Findings;

    private static List<IamFinding> Only(List<IamFinding> findings, string checkId) =>
        findings.Where(finding => finding.CheckId == checkId).ToList();

    [Fact]
    public void WithNoInputAtAllNothingIsFoundAndEveryCheckSaysWhatItNeeds()
    {
        var (findings, notes) = Run(new HygieneInputs());

        Assert.Empty(findings);
        var ids = typeof(HygieneCheckIds).GetFields().Select(field => (string)field.GetValue(null)!).ToList();
        Assert.Equal(19, ids.Count);
        Assert.All(ids, id => Assert.Contains(notes, note => note.Scope == id));
        Assert.Contains(notes, note => note.Message.Contains("IAM Access Analyzer", StringComparison.Ordinal));
        Assert.Contains(notes, note => note.Scope == HygieneCheckIds.AccessKeyUnused && note.Message.Contains("credential report", StringComparison.Ordinal));
    }

    [Fact]
    public void ARootAccessKeyIsCriticalWithTheReportCellsAsProof()
    {
        var root = Report.User(CredentialReportColumns.RootUser, "mfa_active=true", "access_key_2_active=true", "access_key_2_last_rotated=" + Report.DaysAgo(300));

        var findings = Run(new HygieneInputs { CredentialReport = Report.ParseClean(Report.Csv(root)) }).Findings;

        var finding = Assert.Single(Only(findings, HygieneCheckIds.RootAccessKey));
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("arn:aws:iam::111122223333:root", finding.Principal);
        Assert.Equal(["CIS 1.4", "FSBP IAM.4"], finding.Controls.ToArray());
        Assert.Equal(
            [
                "report.csv:2 user <root_account>: access_key_2_active = true",
                "report.csv:2 user <root_account>: access_key_2_last_rotated = " + Report.DaysAgo(300),
                "report.csv:2 user <root_account>: access_key_2_last_used_date = N/A",
            ],
            finding.Proof.Facts.ToArray());
    }

    [Fact]
    public void TheAccountSummaryAloneProvesOrClearsRootKeysAndMfa()
    {
        AccountSummary Summary(int keys, int mfa) => AccountSummaryReader.Parse(
            $$$"""{"SummaryMap": {"AccountAccessKeysPresent": {{{keys}}}, "AccountMFAEnabled": {{{mfa}}}}}""", "summary.json", new DiagnosticBag())!;

        var bad = Run(new HygieneInputs { AccountSummary = Summary(1, 0) }).Findings;
        var good = Run(new HygieneInputs { AccountSummary = Summary(0, 1) }).Findings;

        Assert.Equal(["summary.json:1:45: SummaryMap.AccountAccessKeysPresent = 1"], Assert.Single(Only(bad, HygieneCheckIds.RootAccessKey)).Proof.Facts.ToArray());
        Assert.Equal(["summary.json:1:69: SummaryMap.AccountMFAEnabled = 0"], Assert.Single(Only(bad, HygieneCheckIds.RootMfa)).Proof.Facts.ToArray());
        Assert.Empty(good);
    }

    [Fact]
    public void RootWithoutMfaIsCriticalAndRootWithMfaIsNot()
    {
        var without = Run(new HygieneInputs { CredentialReport = Report.ParseClean(Report.Csv(Report.User(CredentialReportColumns.RootUser))) }).Findings;
        var with = RunReport();

        var finding = Assert.Single(Only(without, HygieneCheckIds.RootMfa));
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(["report.csv:2 user <root_account>: mfa_active = false"], finding.Proof.Facts.ToArray());
        Assert.Empty(Only(with, HygieneCheckIds.RootMfa));
    }

    [Fact]
    public void RootsVirtualMfaDeviceIsFoundOnlyWhenTheDeviceListIsGiven()
    {
        var report = Report.ParseClean(Report.Csv(Root));
        var rootDevice = VirtualMfaDeviceReader.Parse(
            """{"VirtualMFADevices": [{"SerialNumber": "arn:aws:iam::111122223333:mfa/phone", "User": {"Arn": "arn:aws:iam::111122223333:root"}}]}""", "mfa.json", new DiagnosticBag());
        var otherDevice = VirtualMfaDeviceReader.Parse(
            """{"VirtualMFADevices": [{"SerialNumber": "arn:aws:iam::111122223333:mfa/root-account-mfa-device", "User": {"Arn": "arn:aws:iam::111122223333:user/bob"}}]}""", "mfa.json", new DiagnosticBag());

        var virtualRoot = Run(new HygieneInputs { CredentialReport = report, VirtualMfaDevices = rootDevice });
        var hardwareRoot = Run(new HygieneInputs { CredentialReport = report, VirtualMfaDevices = otherDevice });
        var unknown = Run(new HygieneInputs { CredentialReport = report });

        var finding = Assert.Single(Only(virtualRoot.Findings, HygieneCheckIds.RootHardwareMfa));
        Assert.Equal(["mfa.json:1:24: virtual MFA device arn:aws:iam::111122223333:mfa/phone is assigned to arn:aws:iam::111122223333:root"], finding.Proof.Facts.ToArray());
        Assert.Empty(Only(hardwareRoot.Findings, HygieneCheckIds.RootHardwareMfa));
        Assert.Empty(Only(unknown.Findings, HygieneCheckIds.RootHardwareMfa));
        Assert.Contains(unknown.Notes, note => note.Scope == HygieneCheckIds.RootHardwareMfa && note.Message.Contains("list-virtual-mfa-devices", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("password_last_used", 29, true)]
    [InlineData("password_last_used", 31, false)]
    [InlineData("access_key_1_last_used_date", 3, true)]
    public void RootUsedWithinThirtyDaysIsReported(string column, int daysAgo, bool expected)
    {
        var root = Report.User(CredentialReportColumns.RootUser, "mfa_active=true", $"{column}={Report.DaysAgo(daysAgo)}");

        var findings = Run(new HygieneInputs { CredentialReport = Report.ParseClean(Report.Csv(root)) }).Findings;

        var found = Only(findings, HygieneCheckIds.RootRecentUse);
        Assert.Equal(expected, found.Count == 1);
        if (expected)
            Assert.Contains($"report.csv:2 user <root_account>: {column} = {Report.DaysAgo(daysAgo)}, {daysAgo} days before 2024-06-01T00:00:00Z", found[0].Proof.Facts.ToArray());
    }

    [Fact]
    public void NoPasswordPolicyIsOneFindingNotFour()
    {
        var findings = Run(new HygieneInputs { PasswordPolicy = AccountPasswordPolicy.NotSet("policy.json") }).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(HygieneCheckIds.PasswordPolicyMissing, finding.CheckId);
        Assert.Equal(["policy.json: no password policy is set"], finding.Proof.Facts.ToArray());
        Assert.Contains("CIS 1.8", finding.Controls.ToArray());
        Assert.Contains("CIS 1.9", finding.Controls.ToArray());
    }

    [Fact]
    public void AWeakPasswordPolicyGivesOneFindingPerRequirementAndListsEveryMissingCharacterClass()
    {
        var policy = PasswordPolicyReader.Parse(
            """{"PasswordPolicy": {"MinimumPasswordLength": 13, "RequireSymbols": false, "RequireNumbers": true, "RequireUppercaseCharacters": true}}""", "policy.json", new DiagnosticBag());

        var findings = Run(new HygieneInputs { PasswordPolicy = policy }).Findings;

        Assert.Equal([HygieneCheckIds.PasswordPolicyLength, HygieneCheckIds.PasswordPolicyReuse, HygieneCheckIds.PasswordPolicyComplexity], findings.Select(finding => finding.CheckId));
        Assert.Equal(["policy.json:1:46: PasswordPolicy.MinimumPasswordLength = 13", "the minimum should be 14 or more"], findings[0].Proof.Facts.ToArray());
        Assert.Equal(["policy.json: PasswordPolicy.PasswordReusePrevention is absent", "it should remember 24"], findings[1].Proof.Facts.ToArray());
        Assert.Equal("The password policy does not require a lowercase letter, a symbol.", findings[2].Title);
        Assert.Equal(["FSBP IAM.7", "FSBP IAM.12", "FSBP IAM.13"], findings[2].Controls.ToArray());
    }

    [Fact]
    public void APasswordPolicyMeetingEveryRequirementGivesNothing()
    {
        var policy = PasswordPolicyReader.Parse(
            """{"PasswordPolicy": {"MinimumPasswordLength": 14, "PasswordReusePrevention": 24, "RequireSymbols": true, "RequireNumbers": true, "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true}}""",
            "policy.json",
            new DiagnosticBag());

        Assert.Empty(Run(new HygieneInputs { PasswordPolicy = policy }).Findings);
    }

    [Fact]
    public void AConsoleUserWithoutMfaIsHighAndOneWithMfaOrWithoutPasswordIsNot()
    {
        var findings = RunReport(
            Report.User("nomfa", "password_enabled=true", "password_last_used=" + Report.DaysAgo(1)),
            Report.User("withmfa", "password_enabled=true", "password_last_used=" + Report.DaysAgo(1), "mfa_active=true"),
            Report.User("apionly"));

        var finding = Assert.Single(Only(findings, HygieneCheckIds.ConsoleUserWithoutMfa));
        Assert.Equal("arn:aws:iam::111122223333:user/nomfa", finding.Principal);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(["report.csv:3 user nomfa: password_enabled = true", "report.csv:3 user nomfa: mfa_active = false"], finding.Proof.Facts.ToArray());
    }

    [Fact]
    public void APasswordUnusedFortyFiveDaysOrNeverUsedSinceSetIsReported()
    {
        var findings = RunReport(
            Report.User("recent", "password_enabled=true", "mfa_active=true", "password_last_used=" + Report.DaysAgo(44)),
            Report.User("stale", "password_enabled=true", "mfa_active=true", "password_last_used=" + Report.DaysAgo(45)),
            Report.User("never", "password_enabled=true", "mfa_active=true", "password_last_used=no_information", "password_last_changed=" + Report.DaysAgo(50)),
            Report.User("new", "password_enabled=true", "mfa_active=true", "password_last_used=no_information", "password_last_changed=" + Report.DaysAgo(5)));

        var found = Only(findings, HygieneCheckIds.PasswordUnused);
        Assert.Equal(["stale", "never"], found.Select(finding => finding.Principal.Split('/')[^1]));
        Assert.Equal("User never's console password has never been used since it was set 50 days ago; disable it.", found[1].Title);
        Assert.Contains("report.csv:5 user never: password_last_changed = " + Report.DaysAgo(50), found[1].Proof.Facts.ToArray());
    }

    [Theory]
    [InlineData(44, false)]
    [InlineData(46, true)]
    public void AnActiveKeyLastUsedFortyFiveDaysAgoOrMoreIsReported(int daysAgo, bool expected)
    {
        var findings = RunReport(Report.User(
            "svc", "access_key_1_active=true", "access_key_1_last_rotated=" + Report.DaysAgo(60), "access_key_1_last_used_date=" + Report.DaysAgo(daysAgo)));

        Assert.Equal(expected, Only(findings, HygieneCheckIds.AccessKeyUnused).Count == 1);
    }

    [Fact]
    public void AKeyNeverUsedCountsFromItsCreationAndInactiveKeysAreLeftAlone()
    {
        var findings = RunReport(
            Report.User("old", "access_key_1_active=true", "access_key_1_last_rotated=" + Report.DaysAgo(50)),
            Report.User("fresh", "access_key_1_active=true", "access_key_1_last_rotated=" + Report.DaysAgo(10)),
            Report.User("off", "access_key_1_active=false", "access_key_1_last_rotated=" + Report.DaysAgo(500)));

        var finding = Assert.Single(Only(findings, HygieneCheckIds.AccessKeyUnused));
        Assert.Equal("User old's access key 1 has never been used since it was created 50 days ago; deactivate it.", finding.Title);
        Assert.DoesNotContain(findings, f => f.Principal.EndsWith("/off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void AnActiveKeyOlderThanNinetyDaysIsReported(int age, bool expected)
    {
        var findings = RunReport(Report.User(
            "svc", "access_key_2_active=true", "access_key_2_last_rotated=" + Report.DaysAgo(age), "access_key_2_last_used_date=" + Report.DaysAgo(1)));

        var found = Only(findings, HygieneCheckIds.AccessKeyNotRotated);
        Assert.Equal(expected, found.Count == 1);
        if (expected)
        {
            Assert.Equal(
                [
                    "report.csv:3 user svc: access_key_2_active = true",
                    "report.csv:3 user svc: access_key_2_last_rotated = " + Report.DaysAgo(91),
                    "91 days before 2024-06-01T00:00:00Z; the limit is 90 days",
                ],
                found[0].Proof.Facts.ToArray());
        }
    }

    [Fact]
    public void TwoActiveKeysAreReportedOneIsNot()
    {
        var used = "access_key_1_last_used_date=" + Report.DaysAgo(1);
        var findings = RunReport(
            Report.User("two", "access_key_1_active=true", "access_key_1_last_rotated=" + Report.DaysAgo(10), used, "access_key_2_active=true", "access_key_2_last_rotated=" + Report.DaysAgo(5), "access_key_2_last_used_date=" + Report.DaysAgo(1)),
            Report.User("one", "access_key_1_active=true", "access_key_1_last_rotated=" + Report.DaysAgo(10), used, "access_key_2_active=false", "access_key_2_last_rotated=" + Report.DaysAgo(5)));

        var finding = Assert.Single(Only(findings, HygieneCheckIds.MultipleActiveAccessKeys));
        Assert.EndsWith("/two", finding.Principal, StringComparison.Ordinal);
        Assert.Equal(["CIS 1.13"], finding.Controls.ToArray());
    }

    [Fact]
    public void AKeyCreatedWithAConsoleUserAndNeverUsedIsReported()
    {
        var created = Report.Now.AddDays(-10);
        string User(string name, TimeSpan keyAfter, bool password, string lastUsed) => Report.User(
            name,
            "user_creation_time=" + Report.Date(created),
            "password_enabled=" + (password ? "true" : "false"),
            "password_last_used=" + (password ? Report.DaysAgo(1) : "N/A"),
            "mfa_active=true",
            "access_key_1_active=true",
            "access_key_1_last_rotated=" + Report.Date(created + keyAfter),
            "access_key_1_last_used_date=" + lastUsed);

        var findings = RunReport(
            User("setup", TimeSpan.FromSeconds(1), password: true, "N/A"),
            User("later", TimeSpan.FromHours(2), password: true, "N/A"),
            User("api", TimeSpan.FromSeconds(1), password: false, "N/A"),
            User("used", TimeSpan.FromSeconds(1), password: true, Report.DaysAgo(1)));

        var finding = Assert.Single(Only(findings, HygieneCheckIds.SetupAccessKeyUnused));
        Assert.EndsWith("/setup", finding.Principal, StringComparison.Ordinal);
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Contains("report.csv:3 user setup: access_key_1_last_used_date = N/A", finding.Proof.Facts.ToArray());
    }

    [Fact]
    public void AnOldReportEarnsANoteThatUseSinceItIsUnknown()
    {
        var json = $$"""{"Content": "{{Report.Csv(Root).Replace("\n", "\\n", StringComparison.Ordinal)}}", "GeneratedTime": "2024-05-01T00:00:00Z"}""";

        var notes = Run(new HygieneInputs { CredentialReport = Report.ParseClean(json) }).Notes;

        Assert.Contains(notes, note => note.Message.StartsWith("the credential report report.csv was generated 2024-05-01T00:00:00Z, 31 days before", StringComparison.Ordinal));
    }

    private const string Account = """
        {
          "UserDetailList": [
            {"UserName": "direct", "Arn": "arn:aws:iam::111122223333:user/direct", "GroupList": [],
             "UserPolicyList": [{"PolicyName": "own", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
             "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]},
            {"UserName": "grouped", "Arn": "arn:aws:iam::111122223333:user/grouped", "GroupList": ["admins"], "UserPolicyList": [], "AttachedManagedPolicies": []}
          ],
          "GroupDetailList": [
            {"GroupName": "admins", "Arn": "arn:aws:iam::111122223333:group/admins", "GroupPolicyList": [],
             "AttachedManagedPolicies": [{"PolicyName": "everything", "PolicyArn": "arn:aws:iam::111122223333:policy/everything"},
                                         {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}
          ],
          "RoleDetailList": [
            {"RoleName": "ops", "Arn": "arn:aws:iam::111122223333:role/ops", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
             "RolePolicyList": [{"PolicyName": "godmode", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}]}}],
             "AttachedManagedPolicies": [{"PolicyName": "AWSCloudShellFullAccess", "PolicyArn": "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}]}
          ],
          "Policies": [
            {"PolicyName": "everything", "Arn": "arn:aws:iam::111122223333:policy/everything", "DefaultVersionId": "v1", "AttachmentCount": 1,
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Deny", "Action": "*", "Resource": "*"}, {"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
            {"PolicyName": "unattached", "Arn": "arn:aws:iam::111122223333:policy/unattached", "DefaultVersionId": "v1", "AttachmentCount": 0,
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
            {"PolicyName": "ReadOnlyAccess", "Arn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "DefaultVersionId": "v1", "AttachmentCount": 1,
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}}]}
          ]
        }
        """;

    private static List<IamFinding> RunAccount(string json = Account) =>
        Run(new HygieneInputs { AccountDetails = Authz.Read(json, out _), AccountDetailsSource = Authz.Source }).Findings;

    [Fact]
    public void AUserWithItsOwnPoliciesIsReportedAndAUserWithOnlyGroupsIsNot()
    {
        var finding = Assert.Single(Only(RunAccount(), HygieneCheckIds.UserAttachedPolicies));

        Assert.Equal("arn:aws:iam::111122223333:user/direct", finding.Principal);
        Assert.Equal(
            ["authz.json: user direct has inline policy own", "authz.json: user direct has managed policy arn:aws:iam::aws:policy/ReadOnlyAccess"],
            finding.Proof.Facts.ToArray());
        Assert.Equal(["CIS 1.15", "FSBP IAM.2"], finding.Controls.ToArray());
    }

    [Fact]
    public void AttachedStarStarPoliciesAreReportedWithTheStatementAndUnattachedOnesAreNot()
    {
        var found = Only(RunAccount(), HygieneCheckIds.AdminPolicyAttached);

        Assert.Equal(
            ["arn:aws:iam::111122223333:policy/everything", "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::111122223333:role/ops"],
            found.Select(finding => finding.Principal));
        var customer = found[0];
        Assert.Equal(Severity.High, customer.Severity);
        Assert.Equal("$.Statement[1]", customer.Statement);
        Assert.Equal(
            [
                "authz.json: $.Policies[0].PolicyVersionList[0].Document: $.Statement[1] allows * on *",
                "authz.json: attached to group admins (arn:aws:iam::111122223333:group/admins)",
            ],
            customer.Proof.Facts.ToArray());
        Assert.Equal(["CIS 1.16", "FSBP IAM.1"], customer.Controls.ToArray());
        Assert.Contains("the export does not hold its document", found[1].Proof.Facts[0], StringComparison.Ordinal);
        Assert.Equal("inline policy godmode of role ops", found[2].Policy);
    }

    [Fact]
    public void WithoutARoleHoldingAwsSupportAccessTheAccountIsReported()
    {
        var withSupport = Account.Replace(
            "\"PolicyArn\": \"arn:aws:iam::aws:policy/AWSCloudShellFullAccess\"}",
            "\"PolicyArn\": \"arn:aws:iam::aws:policy/AWSCloudShellFullAccess\"}, {\"PolicyName\": \"AWSSupportAccess\", \"PolicyArn\": \"arn:aws:iam::aws:policy/AWSSupportAccess\"}",
            StringComparison.Ordinal);

        var finding = Assert.Single(Only(RunAccount(), HygieneCheckIds.NoSupportRole));

        Assert.Equal("arn:aws:iam::111122223333:root", finding.Principal);
        Assert.Equal(["authz.json: none of the 1 roles has arn:aws:iam::aws:policy/AWSSupportAccess attached"], finding.Proof.Facts.ToArray());
        Assert.Empty(Only(RunAccount(withSupport), HygieneCheckIds.NoSupportRole));
    }

    [Fact]
    public void CloudShellFullAccessIsReportedWithItsHolders()
    {
        var finding = Assert.Single(Only(RunAccount(), HygieneCheckIds.CloudShellFullAccess));

        Assert.Equal(["authz.json: attached to role ops (arn:aws:iam::111122223333:role/ops)"], finding.Proof.Facts.ToArray());
    }

    [Fact]
    public void AnExpiredServerCertificateIsReportedAndOneStillValidIsNot()
    {
        var certificates = ServerCertificateReader.Parse(
            """
            {"ServerCertificateMetadataList": [
              {"ServerCertificateName": "old", "Arn": "arn:aws:iam::111122223333:server-certificate/old", "Expiration": "2024-05-31T00:00:00Z"},
              {"ServerCertificateName": "new", "Arn": "arn:aws:iam::111122223333:server-certificate/new", "Expiration": "2024-06-02T00:00:00Z"}
            ]}
            """,
            "certs.json",
            new DiagnosticBag());

        var finding = Assert.Single(Run(new HygieneInputs { ServerCertificates = certificates }).Findings);

        Assert.Equal(HygieneCheckIds.ExpiredServerCertificate, finding.CheckId);
        Assert.Equal("arn:aws:iam::111122223333:server-certificate/old", finding.Principal);
        Assert.Equal(["certs.json:2:3: ServerCertificateName = old", "Expiration = 2024-05-31T00:00:00Z, before 2024-06-01T00:00:00Z"], finding.Proof.Facts.ToArray());
    }

    [Fact]
    public void ASummaryCountingServerCertificatesWithoutTheirListEarnsANoteAndZeroNeedsNone()
    {
        AccountSummary Summary(int count) => AccountSummaryReader.Parse($$$"""{"SummaryMap": {"ServerCertificates": {{{count}}}}}""", "summary.json", new DiagnosticBag())!;

        var some = Run(new HygieneInputs { AccountSummary = Summary(2) }).Notes;
        var none = Run(new HygieneInputs { AccountSummary = Summary(0) }).Notes;

        Assert.Contains(some, note => note.Scope == HygieneCheckIds.ExpiredServerCertificate && note.Message.Contains("stores 2 server certificates", StringComparison.Ordinal));
        Assert.DoesNotContain(none, note => note.Scope == HygieneCheckIds.ExpiredServerCertificate);
    }
}
