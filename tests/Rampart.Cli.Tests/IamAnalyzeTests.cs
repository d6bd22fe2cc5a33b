using Rampart.Core;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class IamAnalyzeTests : IDisposable
{
    private const string Export = """
        {
          "UserDetailList": [
            {"UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice", "CreateDate": "2024-01-01T00:00:00Z", "GroupList": [],
             "UserPolicyList": [{"PolicyName": "mine", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": ["s3:GetObjcet"], "Resource": "*"}]}}],
             "AttachedManagedPolicies": []},
            {"UserName": "dev", "Arn": "arn:aws:iam::111122223333:user/dev", "CreateDate": "2024-01-01T00:00:00Z", "GroupList": [],
             "UserPolicyList": [{"PolicyName": "functions", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}]}}],
             "AttachedManagedPolicies": []}
          ],
          "RoleDetailList": [
            {"RoleName": "admin-fn", "Arn": "arn:aws:iam::111122223333:role/admin-fn", "CreateDate": "2024-01-01T00:00:00Z",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}
          ],
          "Policies": [
            {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}
          ]
        }
        """;

    private const string Report = """
        user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
        <root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-06-01T00:00:00+00:00,not_supported,not_supported,true,true,2020-01-02T00:00:00+00:00,2026-06-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        alice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00,true,2026-11-01T00:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task JsonLinesCarryPrincipalCategorySeverityAndProof()
    {
        var (exit, output, _) = await Run("-o", "jsonl");

        Assert.Equal(0, exit);
        var findings = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        string[] categories = ["admin-equivalent", "privilege-escalation", "resource-exposure", "credentials-exposure", "data-exfiltration",
            "infrastructure-modification", "trust-exposure", "unused-access", "credential-hygiene", "policy-lint"];
        Assert.All(findings, f =>
        {
            Assert.StartsWith("arn:aws:", f.GetProperty("principal").GetString(), StringComparison.Ordinal);
            Assert.Contains(f.GetProperty("category").GetString(), categories);
            Assert.NotEmpty(f.GetProperty("checkId").GetString()!);
            Assert.NotEmpty(f.GetProperty("proof").GetProperty("facts").EnumerateArray());
        });
        var checks = findings.Select(f => (f.GetProperty("checkId").GetString(), f.GetProperty("severity").GetString())).ToList();
        Assert.Contains(("iam-root-access-key", "critical"), checks);
        Assert.Contains(("iam-user-console-without-mfa", "high"), checks);
        var lint = findings.Single(f => f.GetProperty("category").GetString() == "policy-lint");
        Assert.Equal(("iam-lint-iam104", "inline policy mine of user alice", "$.Statement[0].Action[0]"),
            (lint.GetProperty("checkId").GetString(), lint.GetProperty("policy").GetString(), lint.GetProperty("statement").GetString()));

        // Most severe first.
        Assert.Equal("critical", findings[0].GetProperty("severity").GetString());

        // dev can pass the administrator role to a function it creates and invokes: the path is proven step by step.
        var escalation = findings.Single(f => f.GetProperty("category").GetString() == "privilege-escalation");
        Assert.Equal(("arn:aws:iam::111122223333:user/dev", "iam-escalation-passrole-lambda"),
            (escalation.GetProperty("principal").GetString(), escalation.GetProperty("checkId").GetString()));
        var steps = escalation.GetProperty("proof").GetProperty("path").EnumerateArray().ToList();
        Assert.Contains(steps, step => step.GetProperty("action").GetString() == "iam:PassRole" && step.GetProperty("decision").GetString() == "Allowed");
        Assert.Contains(findings, f => f.GetProperty("checkId").GetString() == "iam-admin-equivalent" && f.GetProperty("principal").GetString() == "arn:aws:iam::111122223333:role/admin-fn");
    }

    [Fact]
    public async Task OcsfRecordsAreDetectionFindingsWithTheProofUnmapped()
    {
        var (_, output, _) = await Run("-o", "ocsf");

        var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .First(record => record.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString() == "iam-root-access-key");
        Assert.Equal((2004, 200401, 5), (first.GetProperty("class_uid").GetInt32(), first.GetProperty("type_uid").GetInt32(), first.GetProperty("severity_id").GetInt32()));
        Assert.Equal("iam-root-access-key", first.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString());
        Assert.Equal("credential-hygiene", first.GetProperty("finding_info").GetProperty("types")[0].GetString());
        Assert.Equal("arn:aws:iam::111122223333:root", first.GetProperty("resources")[0].GetProperty("uid").GetString());
        Assert.Equal("111122223333", first.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString());
        Assert.NotEmpty(first.GetProperty("unmapped").GetProperty("proof").GetProperty("facts").EnumerateArray());
    }

    [SkippableFact]
    public async Task EveryOcsfRecordIsAValidDetectionFindingUnderTheOcsfDefinitions()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "detection_finding");
        var (_, output, _) = await Run("-o", "ocsf");

        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.NotEmpty(records);
        Assert.Empty(records.SelectMany(record => schema.RecordProblems(record).Select(problem => $"{record["finding_info"]?["analytic"]?["uid"]}: {problem}")));
    }

    [Fact]
    public async Task TheHtmlReportHasChartsNotesAndEveryFindingWithItsProof()
    {
        var report = Path.Combine(_temp.Path, "report.html");
        var (exit, _, error) = await Run("-o", "html", "--out", report);
        var (_, jsonl, _) = await Run("-o", "jsonl");

        Assert.Equal(0, exit);
        Assert.Contains("Written to", error, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(report));
        Assert.Equal("IAM analysis of account 111122223333", document.Title);
        Assert.Equal(["By severity", "By category"], document.QuerySelectorAll("svg.chart").Select(svg => svg.GetAttribute("aria-label")));
        Assert.Equal(jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, document.QuerySelectorAll("div.finding").Length);
        Assert.All(document.QuerySelectorAll("div.finding"), finding => Assert.NotNull(finding.QuerySelector("details li")));
        Assert.Contains(document.QuerySelectorAll("li.note"), note => note.TextContent.Contains("--cloudtrail", StringComparison.Ordinal));
        var path = Assert.Single(document.QuerySelectorAll("svg[aria-label='escalation path']"));
        Assert.Contains("iam:PassRole", path.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("critical", 1)]
    [InlineData("high", 1)]
    public async Task FailOnExitsOneWhenAFindingIsThatSevere(string severity, int expected)
    {
        var (exit, _, _) = await Run("--fail-on", severity);

        Assert.Equal(expected, exit);
    }

    [Fact]
    public async Task WithoutFindingsAtTheThresholdFailOnExitsZero()
    {
        var export = _temp.Write("clean.json", """{"UserDetailList": [], "RoleDetailList": [], "GroupDetailList": [], "Policies": []}""");

        // The only finding is the low-severity missing support role.
        var (exit, output, _) = await CliRunner.Run("iam", "analyze", "--account-data", export, "--fail-on", "medium");

        Assert.Equal(0, exit);
        Assert.Contains("note (unused-access): no CloudTrail input", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenInputIsReportedTheRestIsAnalysedAndTheExitIsTwo()
    {
        var export = _temp.Write("authz.json", Export);
        var broken = _temp.Write("policy.json", "{\"PasswordPolicy\": ");

        var (exit, output, error) = await CliRunner.Run("iam", "analyze", "--account-data", export, "--password-policy", broken, "-o", "jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("policy.json:1:", error, StringComparison.Ordinal);
        Assert.Contains("iam-lint-iam104", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratePolicyWritesThePolicyToStandardOutputAndTheChangesToStandardError()
    {
        var export = _temp.Write("authz.json", Export);
        var trail = _temp.Write("trail.json", """
            {"Records": [
              {"eventVersion": "1.09", "eventTime": "2026-11-10T10:00:00Z", "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "awsRegion": "eu-west-1",
               "recipientAccountId": "111122223333", "requestParameters": {"bucketName": "reports", "key": "q4.csv"},
               "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333"}}
            ]}
            """);

        var (exit, output, error) = await CliRunner.Run("iam", "generate-policy", "alice", "--cloudtrail", trail, "--account-data", export);
        var (none, _, why) = await CliRunner.Run("iam", "generate-policy", "arn:aws:iam::111122223333:user/bob", "--cloudtrail", trail);

        Assert.Equal(0, exit);
        var statement = JsonDocument.Parse(output).RootElement.GetProperty("Statement")[0];
        Assert.Equal(("s3:GetObject", "arn:aws:s3:::reports/q4.csv"), (statement.GetProperty("Action").GetString(), statement.GetProperty("Resource").GetString()));
        Assert.Contains("= s3:GetObject on arn:aws:s3:::reports/q4.csv", error, StringComparison.Ordinal);
        Assert.Equal(2, none);
        Assert.Contains("show no successful call by arn:aws:iam::111122223333:user/bob", why, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Out, string Error)> Run(params string[] extra)
    {
        var export = _temp.Write("authz.json", Export);
        var report = _temp.Write("report.csv", Report);
        return CliRunner.Run(["iam", "analyze", "--account-data", export, "--credential-report", report, .. extra]);
    }
}
