using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ValidateListsEveryProblemWithItsLocationAndExitsTwo()
    {
        _temp.Write("rules/bad.yml", """
            title: Broken
            id: 6a1f0c56-7a86-4c38-9f0e-2a4f6b7c9d11
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName|contians: Stop
                condition: selection and missing
            level: high
            """);

        var (exit, output, error) = await CliRunner.Run("rules", "validate", _temp.Combine("rules"));

        Assert.Equal(2, exit);
        Assert.Contains("0 rules compiled", output);
        Assert.Matches(@"bad\.yml:8:\d+: RULE\d+: .*contians", error);
        Assert.Contains("missing", error);
    }

    [Fact]
    public async Task OurOwnDetectionsAreValid()
    {
        var (exit, output, error) = await CliRunner.Run("rules", "validate", RepositoryPaths.Combine("content", "detections"));
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(" 0 rules compiled", " " + output);
    }

    [SkippableFact]
    public async Task EverySigmaHqAwsRuleCompiles()
    {
        var (exit, output, error) = await CliRunner.Run("rules", "validate", Datasets.Require("sigma/aws/rules"));
        Assert.True(exit == 0, error);
        Assert.StartsWith("57 rules compiled; 0 errors, 0 warnings.", output);
    }

    [SkippableFact]
    public async Task RulesUsingTheObsoleteAggregationSyntaxAreReportedAsUnsupportedWithTheReason()
    {
        var (exit, output, error) = await CliRunner.Run("rules", "validate", Datasets.Require("sigma/aws/unsupported"));
        Assert.Equal(1, exit);
        Assert.StartsWith("0 rules compiled; 0 errors, 8 warnings.", output);
        Assert.Equal(8, error.Split('\n').Count(line => line.Contains("RULE018", StringComparison.Ordinal)));
        Assert.Contains("count()", error);
    }

    [Fact]
    public async Task OurOwnExamplesPass()
    {
        var (exit, output, error) = await CliRunner.Run("rules", "test", RepositoryPaths.Combine("content", "detections"));

        Assert.True(exit == 0, error);
        Assert.Matches(@"^[1-9]\d* rule files tested with [1-9]\d* example events: 0 failures", output);
    }

    [Fact]
    public async Task TestReportsTheRuleAndTheExampleThatFailedAndExitsOne()
    {
        _temp.Write("rules/stop_logging.yml", """
            title: Trail Stopped
            id: 3f9c1a2b-5d6e-4f70-8a91-b2c3d4e5f601
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventSource: cloudtrail.amazonaws.com
                    eventName: StopLogging
                condition: selection
            level: high
            """);
        _temp.Write("rules/stop_logging.match.jsonl", """
            {"eventTime":"2026-11-29T10:00:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","eventID":"a"}
            {"eventTime":"2026-11-29T10:01:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StartLogging","eventID":"b"}
            """);
        _temp.Write("rules/stop_logging.nomatch.jsonl", """
            {"eventTime":"2026-11-29T10:02:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"DescribeTrails","eventID":"c"}
            """);

        var (exit, output, error) = await CliRunner.Run("rules", "test", _temp.Combine("rules"));

        Assert.Equal(1, exit);
        Assert.StartsWith("1 rule files tested with 3 example events: 1 failures", output);
        Assert.Matches(@"stop_logging\.match\.jsonl:2\b.*TEST001: rule 'Trail Stopped' \(3f9c1a2b-5d6e-4f70-8a91-b2c3d4e5f601\) does not detect record 2", error);
        Assert.DoesNotContain("nomatch", error);
    }
}
