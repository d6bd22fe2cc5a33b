using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Rampart.Posture.Inventory;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>
/// Every record <c>rampart assess</c> writes, judged against the format's own definition: OCSF's definition files for
/// Compliance Finding, the official SARIF 2.1.0 JSON schema, and the attributes and formats AWS documents for ASFF.
/// </summary>
public sealed partial class AssessOutputConformanceTests : IDisposable
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

    [SkippableFact]
    public async Task EveryOcsfRecordOfCloudMappersDemoAccountIsAValidComplianceFinding()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var (exit, output, error) = await CliRunner.Run("assess", Datasets.Require("posture/cloudmapper-demo"), "-o", "ocsf");

        Assert.True(exit == 0, error);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.NotEmpty(records);
        Assert.Empty(records.SelectMany(record => OcsfProblems(schema, record)));
    }

    [SkippableFact]
    public async Task TheOcsfValidatorRejectsAComplianceFindingWithoutItsComplianceOrWithAForeignStatus()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var (_, output, _) = await CliRunner.Run("assess", Sample(), "-o", "ocsf");
        var record = JsonNode.Parse(output.Split('\n')[0])!.AsObject();
        var compliance = record["compliance"]!.AsObject();
        compliance["status_id"] = 7;
        compliance["status_detail"] = "old";
        record["finding_info"]!.AsObject().Remove("uid");
        record["type_uid"] = 200401;

        var problems = OcsfProblems(schema, record).ToList();
        record.Remove("compliance");
        problems.AddRange(OcsfProblems(schema, record));

        Assert.Contains(problems, static p => p.EndsWith("compliance.status_id 7 is not one of 1, 2, 3", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("attribute compliance.status_detail is deprecated since 1.4.0", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("required attribute finding_info.uid is missing", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("type_uid 200401 is not class_uid * 100 + activity_id", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("required attribute compliance is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSarifLogOfTheSampleAccountIsValidUnderTheOfficialSarifSchema()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json")));
        var (exit, output, _) = await CliRunner.Run("assess", Sample(), "--mutes", Mutes(), "-o", "sarif");

        Assert.Equal(0, exit);
        using var log = JsonDocument.Parse(output);
        var result = schema.Evaluate(log.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        var errors = (result.Details ?? []).Where(static d => d.Errors is { Count: > 0 })
            .SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).ToList();
        Assert.True(result.IsValid, string.Join('\n', errors.Take(40)));
    }

    [Fact]
    public async Task TheSarifSchemaCatchesALogThatBreaksIt()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json")));
        var (_, output, _) = await CliRunner.Run("assess", Sample(), "-o", "sarif");
        var log = JsonNode.Parse(output)!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        using var broken = JsonDocument.Parse(log.ToJsonString());
        Assert.False(schema.Evaluate(broken.RootElement).IsValid);
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
        Assert.Empty(findings.SelectMany(AsffProblems));
        Assert.Equal(findings.Count, findings.Select(static f => f.GetProperty("Id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(findings, static f => f.GetProperty("Workflow").GetProperty("Status").GetString() == "SUPPRESSED");
    }

    private static IEnumerable<string> OcsfProblems(OcsfSchema schema, JsonObject record) =>
        schema.RecordProblems(record).Select(problem => $"{record["finding_info"]?["analytic"]?["uid"]} on {record["resources"]?[0]?["uid"]}: {problem}");

    private static IEnumerable<string> AsffProblems(JsonElement finding)
    {
        var id = finding.TryGetProperty("Id", out var i) ? i.GetString() : "(no id)";
        var problems = new List<string>();

        string? Text(string name)
        {
            if (finding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                return value.GetString();
            problems.Add($"{name} is missing or blank");
            return null;
        }

        void Length(string name, string? value, int max)
        {
            if (value is not null && value.Length > max)
                problems.Add($"{name} is {value.Length} characters, more than {max}");
        }

        if (Text("SchemaVersion") is { } version && version != "2018-10-08")
            problems.Add($"SchemaVersion {version}");
        Length("Id", Text("Id"), 512);
        Length("GeneratorId", Text("GeneratorId"), 512);
        var account = Text("AwsAccountId");
        if (account is not null && !AccountPattern().IsMatch(account))
            problems.Add($"AwsAccountId {account} is not twelve digits");
        if (Text("ProductArn") is { } arn && (ProductArnPattern().Match(arn) is not { Success: true } match
            || match.Groups["account"].Value != account || match.Groups["owner"].Value != account))
            problems.Add($"ProductArn {arn} is not arn:aws:securityhub:REGION:{account}:product/{account}/default");
        foreach (var name in (string[])["CreatedAt", "UpdatedAt"])
        {
            if (Text(name) is { } time && (!TimePattern().IsMatch(time)
                || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                problems.Add($"{name} {time} is not an ISO 8601 timestamp Security Hub takes");
        }

        Length("Title", Text("Title"), 256);
        Length("Description", Text("Description"), 1024);
        if (!finding.TryGetProperty("Types", out var types) || types.GetArrayLength() is 0 or > 50)
            problems.Add("Types must hold one to fifty types");
        else
        {
            foreach (var type in types.EnumerateArray().Select(static t => t.GetString() ?? ""))
            {
                var parts = type.Split('/');
                if (parts.Length > 3 || parts.Any(string.IsNullOrWhiteSpace) || !TypeNamespaces.Contains(parts[0]))
                    problems.Add($"type {type} is not namespace/category/classifier with a Security Hub namespace");
            }
        }

        if (!finding.TryGetProperty("Severity", out var severity) || !severity.TryGetProperty("Label", out var label)
            || label.GetString() is not ("INFORMATIONAL" or "LOW" or "MEDIUM" or "HIGH" or "CRITICAL"))
            problems.Add("Severity.Label is missing or not a Security Hub label");
        if (!finding.TryGetProperty("Resources", out var resources) || resources.GetArrayLength() is 0 or > 32)
            problems.Add("Resources must hold one to thirty-two resources");
        else
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (!resource.TryGetProperty("Type", out var type) || string.IsNullOrWhiteSpace(type.GetString()))
                    problems.Add("a resource has no Type");
                if (!resource.TryGetProperty("Id", out var resourceId) || string.IsNullOrWhiteSpace(resourceId.GetString()) || resourceId.GetString()!.Length > 512)
                    problems.Add("a resource has no Id or one longer than 512 characters");
                if (resource.TryGetProperty("Partition", out var partition) && partition.GetString() is not ("aws" or "aws-cn" or "aws-us-gov"))
                    problems.Add($"resource partition {partition}");
                if (resource.TryGetProperty("Tags", out var tags) && tags.EnumerateObject().Any(static t => t.Name.Length > 128 || t.Value.GetString()!.Length > 256))
                    problems.Add("a resource tag is longer than Security Hub takes");
            }
        }

        if (finding.TryGetProperty("Compliance", out var compliance))
        {
            if (compliance.GetProperty("Status").GetString() is not ("PASSED" or "WARNING" or "FAILED" or "NOT_AVAILABLE"))
                problems.Add($"Compliance.Status {compliance.GetProperty("Status")}");
            if (compliance.TryGetProperty("RelatedRequirements", out var related) && related.GetArrayLength() > 32)
                problems.Add("more than 32 Compliance.RelatedRequirements");
        }

        if (finding.TryGetProperty("Workflow", out var workflow)
            && workflow.GetProperty("Status").GetString() is not ("NEW" or "NOTIFIED" or "SUPPRESSED" or "RESOLVED"))
            problems.Add($"Workflow.Status {workflow.GetProperty("Status")}");
        if (finding.TryGetProperty("RecordState", out var state) && state.GetString() is not ("ACTIVE" or "ARCHIVED"))
            problems.Add($"RecordState {state}");
        if (finding.TryGetProperty("ProductFields", out var fields)
            && (fields.EnumerateObject().Count() > 50 || fields.EnumerateObject().Any(static f => f.Name.Length > 128 || f.Value.GetString()!.Length > 2048)))
            problems.Add("ProductFields holds more than 50 fields or a field longer than Security Hub takes");
        if (finding.TryGetProperty("Note", out var note)
            && (note.GetProperty("Text").GetString()!.Length > 512 || note.GetProperty("UpdatedBy").GetString()!.Length > 512))
            problems.Add("Note.Text or Note.UpdatedBy longer than 512 characters");

        return problems.Select(problem => $"{id}: {problem}");
    }

    private static readonly HashSet<string> TypeNamespaces = new(StringComparer.Ordinal)
    {
        "Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications",
    };

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^arn:aws(-cn|-us-gov)?:securityhub:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):product/(?<owner>[0-9]{12})/default$")]
    private static partial Regex ProductArnPattern();

    // Security Hub takes seconds, an optional fraction of at most nine digits, and Z or an offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex TimePattern();

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
