using System.Text.Json;
using AngleSharp.Html.Parser;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class AssessOutputTests : IDisposable
{
    private const string Groups = """
        {"SecurityGroups": [
          {"GroupId": "sg-0aaa", "GroupName": "bastion", "VpcId": "vpc-1", "OwnerId": "111122223333", "Description": "ssh",
           "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}],
           "IpPermissionsEgress": [], "Tags": [{"Key": "environment", "Value": "sandbox"}]},
          {"GroupId": "sg-0bbb", "GroupName": "web", "VpcId": "vpc-1", "OwnerId": "111122223333", "Description": "https",
           "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}],
           "IpPermissionsEgress": []}
        ]}
        """;

    private const string OpenGroup = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OcsfRecordsAreComplianceFindingsCarryingTheControls()
    {
        var (exit, output, error) = await CliRunner.Run("assess", Export(Groups), "-o", "ocsf");

        Assert.Equal(0, exit);
        Assert.Contains("results of", error, StringComparison.Ordinal);
        var records = Lines(output);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(2003, r.GetProperty("class_uid").GetInt32()));
        var ssh = records.Single(r => r.GetProperty("compliance").GetProperty("control").GetString() == "ec2-sg-ssh-open-ipv4"
            && r.GetProperty("resources")[0].GetProperty("uid").GetString() == OpenGroup);
        Assert.Equal("Fail", ssh.GetProperty("compliance").GetProperty("status").GetString());
        Assert.Contains("cis-aws-3.0:5.2", ssh.GetProperty("compliance").GetProperty("requirements").EnumerateArray().Select(static c => c.GetString()));
        Assert.Equal(CliRunner.Now.ToUnixTimeMilliseconds(), ssh.GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task AsffFindingsHaveEveryRequiredFieldAndTheMutedOneIsSuppressed()
    {
        var mutes = _temp.Write("mutes.yml", """
            mutes:
              - check: ec2-sg-ssh-open-*
                tags: {environment: sandbox}
                reason: sandbox bastion, torn down nightly
                expires: 2099-01-01
            """);
        var file = Path.Combine(_temp.Path, "findings.json");

        var (exit, _, _) = await CliRunner.Run("assess", Export(Groups), "--mutes", mutes, "-o", "asff", "--out", file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var findings = json.RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        string[] required = ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources"];
        Assert.All(findings, f => Assert.All(required, name => Assert.True(f.TryGetProperty(name, out _), name)));
        var ssh = findings.Single(f => f.GetProperty("GeneratorId").GetString() == "ec2-sg-ssh-open-ipv4" && f.GetProperty("Resources")[0].GetProperty("Id").GetString() == OpenGroup);
        Assert.Equal(("AwsEc2SecurityGroup", "FAILED", "SUPPRESSED"),
            (ssh.GetProperty("Resources")[0].GetProperty("Type").GetString(), ssh.GetProperty("Compliance").GetProperty("Status").GetString(), ssh.GetProperty("Workflow").GetProperty("Status").GetString()));
        Assert.Equal("2026-03-02T00:00:00.000Z", ssh.GetProperty("CreatedAt").GetString());
    }

    [Fact]
    public async Task SarifHasOneRunWhoseResultsNameRulesItDeclaresAndTheExportFile()
    {
        var (exit, output, _) = await CliRunner.Run("assess", Export(Groups), "-o", "sarif");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(static r => r.GetProperty("id").GetString()).ToHashSet();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains(r.GetProperty("ruleId").GetString(), rules));
        var ssh = results.Single(r => r.GetProperty("ruleId").GetString() == "ec2-sg-ssh-open-ipv4");
        Assert.Equal(OpenGroup, ssh.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.EndsWith("ec2-describe-security-groups.json", ssh.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHtmlReportScoresEveryMappedFrameworkShowsDriftAndListsEachFailure()
    {
        var before = Export(Groups.Replace("\"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]", "\"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]", StringComparison.Ordinal), "before");
        var after = Export(Groups, "after");
        var report = Path.Combine(_temp.Path, "report.html");
        var (jsonl, lines, _) = await CliRunner.Run("assess", after, "-o", "jsonl");

        var (exit, _, error) = await CliRunner.Run("assess", after, "--baseline", before, "-o", "html", "--out", report);

        Assert.Equal((0, 0), (jsonl, exit));
        Assert.Contains("results of", error, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(report));
        Assert.NotNull(page.QuerySelector("section#summary svg"));
        var frameworks = page.QuerySelectorAll("section#scores .framework").Select(static f => f.GetAttribute("data-framework")).ToList();
        Assert.Contains("cis-aws-3.0", frameworks);
        Assert.Contains("aws-fsbp", frameworks);
        Assert.Contains(page.QuerySelectorAll("section#drift tr.flip"), row => row.TextContent.Contains(OpenGroup, StringComparison.Ordinal));
        var failing = Lines(lines).Count(r => r.GetProperty("status").GetString() is "FAIL" or "ERROR");
        Assert.True(failing > 0);
        Assert.Equal(failing, page.QuerySelectorAll("section#failures .result").Length);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task AChosenFrameworkIsTheOnlyOneScored()
    {
        var report = Path.Combine(_temp.Path, "cis.html");

        var (exit, _, _) = await CliRunner.Run("assess", Export(Groups), "--framework", "cis-aws-3.0", "-o", "html", "--out", report);

        Assert.Equal(0, exit);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(report));
        Assert.Equal(["cis-aws-3.0"], page.QuerySelectorAll("section#scores .framework").Select(static f => f.GetAttribute("data-framework")));
        Assert.Null(page.QuerySelector("section#drift"));
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonDocument.Parse(line).RootElement.Clone())];

    private string Export(string groups, string name = "export")
    {
        var region = Path.Combine(_temp.Path, name, "111122223333", "eu-west-1");
        Directory.CreateDirectory(region);
        File.WriteAllText(Path.Combine(region, "ec2-describe-security-groups.json"), groups);
        return Path.Combine(_temp.Path, name);
    }
}
