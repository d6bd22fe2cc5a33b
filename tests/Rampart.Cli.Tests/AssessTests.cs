using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class AssessTests : IDisposable
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

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task JsonLinesCarryCheckResourceStatusSeverityEvidenceAndControls()
    {
        var export = Export(Groups);

        var (exit, output, _) = await CliRunner.Run("assess", export, "-o", "jsonl");

        Assert.Equal(0, exit);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var ssh = results.Single(r => r.GetProperty("checkId").GetString() == "ec2-sg-ssh-open-ipv4" && r.GetProperty("resource").GetString()!.EndsWith("sg-0aaa", StringComparison.Ordinal));
        Assert.Equal(("FAIL", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa", "AWS::EC2::SecurityGroup"),
            (ssh.GetProperty("status").GetString(), ssh.GetProperty("resource").GetString(), ssh.GetProperty("resourceType").GetString()));
        Assert.Contains("cis-aws-3.0:5.2", ssh.GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(ssh.GetProperty("evidence").EnumerateArray());
        Assert.Equal("PASS", results.Single(r => r.GetProperty("checkId").GetString() == "ec2-sg-ssh-open-ipv4" && r.GetProperty("resource").GetString()!.EndsWith("sg-0bbb", StringComparison.Ordinal)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMuteAcceptsAFailureWithItsReasonAndFailOnIgnoresIt()
    {
        var export = Export(Groups);
        var mutes = _temp.Write("mutes.yml", """
            mutes:
              - check: ec2-sg-ssh-open-*
                tags: {environment: sandbox}
                reason: sandbox bastion, torn down nightly
                expires: 2099-01-01
            """);

        var (failing, _, _) = await CliRunner.Run("assess", export, "--fail-on", "high");
        var (exit, output, _) = await CliRunner.Run("assess", export, "--mutes", mutes, "-o", "jsonl", "--fail-on", "high");

        Assert.Equal(1, failing);
        Assert.Equal(0, exit);
        var muted = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Single(r => r.GetProperty("checkId").GetString() == "ec2-sg-ssh-open-ipv4" && r.GetProperty("resource").GetString()!.EndsWith("sg-0aaa", StringComparison.Ordinal));
        Assert.Equal(("MUTED", "sandbox bastion, torn down nightly"), (muted.GetProperty("status").GetString(), muted.GetProperty("mute").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ABaselineShowsWhatDriftedAndWhichChecksFlipped()
    {
        var before = Export(Groups.Replace("\"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]", "\"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]", StringComparison.Ordinal), "before");
        var after = Export(Groups, "after");

        var (exit, output, _) = await CliRunner.Run("assess", after, "--baseline", before);

        Assert.Equal(0, exit);
        Assert.Contains("CHANGED  AWS::EC2::SecurityGroup  arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa", output, StringComparison.Ordinal);
        Assert.Contains("/configuration/IpPermissions/0/IpRanges/0 (tcp 22-22 CidrIp=0.0.0.0/0): (none) → {\"CidrIp\":\"0.0.0.0/0\"}", output, StringComparison.Ordinal);
        Assert.Contains("/configuration/IpPermissions/0/IpRanges/0 (tcp 22-22 CidrIp=10.0.0.0/8): {\"CidrIp\":\"10.0.0.0/8\"} → (none)", output, StringComparison.Ordinal);
        Assert.Contains("FLIPPED  ec2-sg-ssh-open-ipv4  arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa: PASS → FAIL", output, StringComparison.Ordinal);
        Assert.Contains("(1 resources evaluated)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrameworkLimitsTheChecksAndScoresItsControls()
    {
        var (exit, output, _) = await CliRunner.Run("assess", Export(Groups), "--framework", "cis-aws-3.0");
        var (unknown, _, error) = await CliRunner.Run("assess", Export(Groups), "--framework", "nist");

        Assert.Equal(0, exit);
        Assert.Contains("CIS", output, StringComparison.Ordinal);
        Assert.Contains("assessed controls pass", output, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Contains("no framework 'nist'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesNoImporterMapsAreCountedAndListedOnlyWhenAskedFor()
    {
        var export = Export(Groups);
        File.WriteAllText(Path.Combine(export, "111122223333", "eu-west-1", "sqs-list-queues.json"), """{"QueueUrls": []}""");

        var (_, _, quiet) = await CliRunner.Run("assess", export, "-o", "jsonl");
        var (_, _, verbose) = await CliRunner.Run("assess", export, "-o", "jsonl", "--verbose");

        Assert.Contains("1 input files hold calls no importer maps to resources; --verbose lists them.", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("sqs-list-queues.json", quiet, StringComparison.Ordinal);
        Assert.Contains("sqs-list-queues.json", verbose, StringComparison.Ordinal);
    }

    private string Export(string groups, string name = "export")
    {
        var region = Path.Combine(_temp.Path, name, "111122223333", "eu-west-1");
        Directory.CreateDirectory(region);
        File.WriteAllText(Path.Combine(region, "ec2-describe-security-groups.json"), groups);
        return Path.Combine(_temp.Path, name);
    }
}
