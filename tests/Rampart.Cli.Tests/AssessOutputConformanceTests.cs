using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Posture.Inventory;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>
/// Every record <c>rampart assess</c> writes, judged against the format's own definition: OCSF's definition files for
/// Compliance Finding, the official SARIF 2.1.0 JSON schema, and the attributes and formats AWS documents for ASFF.
/// </summary>
public sealed class AssessOutputConformanceTests : IDisposable
{
    private const string Account = "111122223333";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task EveryOcsfRecordOfTheSampleAccountIsAValidComplianceFinding()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var (exit, output, _) = await CliRunner.Run("assess", Sample(), "--mutes", Mutes(), "-o", "ocsf");

        Assert.Equal(0, exit);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.True(records.Count > 20, $"only {records.Count} records");
        Assert.Empty(records.SelectMany(record => OcsfProblems(schema, record)));
        Assert.Contains(records, static r => r["status_id"]!.GetValue<int>() == 3);
        var statuses = records.Select(static r => r["compliance"]!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Fail", "Pass" }, statuses);
    }

    [SkippableTheory]
    [InlineData("posture/cloudmapper-demo")]
    [InlineData("posture/custodian-placebo/test_ebs_cross_account", "posture/custodian-placebo/test_s3_check_public_block",
        "posture/custodian-placebo/test_account_missing_password_policy", "posture/custodian-placebo/test_cloudtrail_success_log_metric_filter")]
    public async Task EveryRecordOfRecordedAccountsIsValidInEveryMachineFormat(params string[] datasets)
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var inputs = datasets.Select(Datasets.Require).ToArray();
        var asff = Path.Combine(_temp.Path, "findings.json");

        var (exit, ocsf, error) = await CliRunner.Run(["assess", .. inputs, "-o", "ocsf"]);
        var (_, sarif, _) = await CliRunner.Run(["assess", .. inputs, "-o", "sarif"]);
        await CliRunner.Run(["assess", .. inputs, "-o", "asff", "--out", asff]);

        Assert.True(exit == 0, error);
        var records = ocsf.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.True(records.Count > 20, $"only {records.Count} records");
        Assert.Empty(records.SelectMany(record => OcsfProblems(schema, record)));
        using var log = JsonDocument.Parse(sarif);
        Assert.Empty(SarifSchema.Problems(log.RootElement));
        using var findings = JsonDocument.Parse(File.ReadAllText(asff));
        Assert.Equal(records.Count, findings.RootElement.GetProperty("Findings").GetArrayLength());
        Assert.Empty(findings.RootElement.GetProperty("Findings").EnumerateArray().SelectMany(AsffRules.Problems));
    }

    [SkippableFact]
    public async Task TheOcsfValidatorRejectsAComplianceFindingThatBreaksTheDefinitions()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var (_, output, _) = await CliRunner.Run("assess", Sample(), "-o", "ocsf");
        var record = JsonNode.Parse(output.Split('\n')[0])!.AsObject();
        var compliance = record["compliance"]!.AsObject();
        compliance["status_id"] = 7;
        compliance["status_detail"] = "old";
        record["finding_info"]!.AsObject().Remove("uid");
        record["type_uid"] = 200401;
        record["resources"]![0]!["arn"] = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa";
        record["metadata"]!["profiles"] = new JsonArray();

        var problems = OcsfProblems(schema, record).ToList();
        record.Remove("compliance");
        problems.AddRange(OcsfProblems(schema, record));

        Assert.Contains(problems, static p => p.EndsWith("compliance.status_id 7 is not one of 1, 2, 3", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("attribute compliance.status_detail is deprecated since 1.4.0", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("required attribute finding_info.uid is missing", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("type_uid 200401 is not class_uid * 100 + activity_id", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("required attribute compliance is missing", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("attribute resource_details.arn is not defined", StringComparison.Ordinal));
        // Without the cloud profile applied, neither the cloud attribute nor a resource's region belongs to the record.
        Assert.Contains(problems, static p => p.EndsWith("attribute cloud is not defined", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("attribute resource_details.region is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSarifLogOfTheSampleAccountIsValidUnderTheOfficialSarifSchema()
    {
        var (exit, output, _) = await CliRunner.Run("assess", Sample(), "--mutes", Mutes(), "-o", "sarif");

        Assert.Equal(0, exit);
        using var log = JsonDocument.Parse(output);
        Assert.Empty(SarifSchema.Problems(log.RootElement));
    }

    [Fact]
    public async Task TheSarifSchemaCatchesALogThatBreaksIt()
    {
        var (_, output, _) = await CliRunner.Run("assess", Sample(), "-o", "sarif");
        var log = JsonNode.Parse(output)!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        using var broken = JsonDocument.Parse(log.ToJsonString());
        Assert.Contains(SarifSchema.Problems(broken.RootElement), static p => p.StartsWith("/runs/0/results/0/level", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SarifResultsPointAtTheirRulesByIdAndIndexAndKeepTheirFingerprintsAcrossRuns()
    {
        var sample = Sample();
        var (_, first, _) = await CliRunner.Run("assess", sample, "--mutes", Mutes(), "-o", "sarif");
        var (_, second, _) = await CliRunner.Run("assess", sample, "--mutes", Mutes(), "-o", "sarif");

        using var log = JsonDocument.Parse(first);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.StartsWith("https://", log.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().Select(static r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(rules.Count, rules.Distinct(StringComparer.Ordinal).Count());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            var ruleId = r.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), (string[])["none", "note", "warning", "error"]);
            // A level other than none goes with kind fail; kinds other than fail must have level none (SARIF 3.27.9).
            var kind = r.TryGetProperty("kind", out var k) ? k.GetString() : "fail";
            Assert.True(kind == "fail" || r.GetProperty("level").GetString() == "none", $"{ruleId}: kind {kind} with a level");
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray());
            Assert.True(location.TryGetProperty("logicalLocations", out _) || location.TryGetProperty("physicalLocation", out _));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("partialFingerprints").GetProperty("rampartFindingId/v1").GetString()));
        });
        Assert.Contains(results, static r => r.TryGetProperty("suppressions", out _));
        Assert.Equal(Fingerprints(first), Fingerprints(second));
        Assert.Equal(results.Count, Fingerprints(first).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task EveryAsffFindingHasTheAttributesAwsRequiresInTheFormatsAwsDocuments()
    {
        var file = Path.Combine(_temp.Path, "findings.json");
        var (exit, _, _) = await CliRunner.Run("assess", Sample(), "--mutes", Mutes(), "-o", "asff", "--out", file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var findings = json.RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.True(findings.Count > 20, $"only {findings.Count} findings");
        Assert.Empty(findings.SelectMany(AsffRules.Problems));
        Assert.Equal(findings.Count, findings.Select(static f => f.GetProperty("Id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(findings, static f => f.GetProperty("Workflow").GetProperty("Status").GetString() == "SUPPRESSED");
    }

    private static IEnumerable<string> OcsfProblems(OcsfSchema schema, JsonObject record) =>
        schema.RecordProblems(record).Select(problem => $"{record["finding_info"]?["analytic"]?["uid"]} on {record["resources"]?[0]?["uid"]}: {problem}");

    private static List<string> Fingerprints(string sarif)
    {
        using var log = JsonDocument.Parse(sarif);
        return [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(static r => r.GetProperty("partialFingerprints").GetProperty("rampartFindingId/v1").GetString()!)];
    }

    private string Sample() => SampleExport.Write(Path.Combine(_temp.Path, "export"), Account, "eu-west-1");

    private string Mutes() => _temp.Write("mutes.yml", """
        mutes:
          - check: ec2-sg-ssh-open-*
            reason: bastion reached only through the VPN
            expires: 2099-01-01
        """);
}
