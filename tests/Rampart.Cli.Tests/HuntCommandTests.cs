using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class HuntCommandTests : IDisposable
{
    private const string Rule = """
        title: Trail Stopped
        id: 0b6d0c56-7a86-4c38-9f0e-2a4f6b7c9d10
        status: test
        author: Rampart tests
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName: StopLogging
            condition: selection
        level: high
        """;

    private readonly TempDirectory _temp = new();
    private readonly string _rules;
    private readonly string _logs;

    public HuntCommandTests()
    {
        _rules = _temp.Write("rules/stop.yml", Rule);
        _logs = _temp.Combine("logs");
        WriteGzip("logs/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/a.json.gz", """
            {"Records":[
            {"eventVersion":"1.09","eventTime":"2026-03-01T12:00:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.7","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/mallory"},"eventID":"e-1","recipientAccountId":"111122223333"},
            {"eventVersion":"1.09","eventTime":"2026-03-01T12:01:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"DescribeTrails","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.7","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/mallory"},"eventID":"e-2","recipientAccountId":"111122223333"}
            ]}
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task JsonLinesCarryTheRuleTheEventAndWhereItCameFrom()
    {
        var (exit, output, _) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "jsonl");

        Assert.Equal(0, exit);
        var hit = JsonNode.Parse(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("0b6d0c56-7a86-4c38-9f0e-2a4f6b7c9d10", hit["rule"]!["id"]!.GetValue<string>());
        Assert.Equal("Rampart tests", hit["rule"]!["author"]!.GetValue<string>());
        Assert.Equal("2026-03-01T12:00:00.000Z", hit["time"]!.GetValue<string>());
        Assert.Equal("cloudtrail", hit["sourceType"]!.GetValue<string>());
        Assert.Equal("e-1", hit["eventId"]!.GetValue<string>());
        Assert.Equal("111122223333", hit["account"]!.GetValue<string>());
        Assert.Equal("eu-west-1", hit["region"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111122223333:user/mallory", hit["actor"]!.GetValue<string>());
        Assert.Equal("203.0.113.7", hit["sourceIp"]!.GetValue<string>());
        Assert.EndsWith("a.json.gz", hit["origin"]!["file"]!.GetValue<string>());
        Assert.Equal(1, hit["origin"]!["record"]!.GetValue<long>());
        Assert.Equal("StopLogging", hit["event"]!["eventName"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailOnHitExitsWithOneWhenSomethingIsFound()
    {
        var (exit, _, _) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "jsonl", "--fail-on-hit");
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task ARelativeSinceIsCountedBackFromTheClock()
    {
        // The clock stands at 2026-03-02T00:00Z; 6h back excludes the noon event.
        var (exit, output, _) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "jsonl", "--since", "6h");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output.Trim());
    }

    [Fact]
    public async Task ABadTimeIsAUsageErrorWithExitTwo()
    {
        var (exit, _, error) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--since", "last tuesday");
        Assert.Equal(2, exit);
        Assert.Contains("--since: 'last tuesday' is neither an ISO 8601 time nor a span such as 24h or 7d.", error);
    }

    [Fact]
    public async Task AnUnknownOutputFormatIsAUsageErrorWithExitTwo()
    {
        var (exit, _, error) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }

    [Fact]
    public async Task UnreadableRecordsAreQuarantinedVerbatimAndTheExitCodeSaysSo()
    {
        _temp.Write("logs/broken/events.jsonl", "{\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventTime\":\"2026-03-01T13:00:00Z\",\"eventID\":\"e-3\",\"eventVersion\":\"1.09\"}\n{not json at all\n");
        var quarantine = _temp.Combine("quarantine.jsonl");

        var (exit, output, error) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "jsonl", "--quarantine", quarantine);

        Assert.Equal(2, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("events.jsonl:2", error);
        var kept = JsonNode.Parse(File.ReadAllLines(quarantine).Single())!;
        Assert.Equal("{not json at all", kept["raw"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTableShowsTheRuleSummaryAndTheHit()
    {
        var (exit, output, _) = await CliRunner.Run("hunt", _logs, "--rules", _rules);
        Assert.Equal(0, exit);
        Assert.Contains("Trail Stopped", output);
        Assert.Contains("StopLogging", output);
        Assert.Contains("1 hits from 1 rules in 2 events", output);
    }

    [Fact]
    public async Task CsvHasAHeaderAndOneRowPerHit()
    {
        var (exit, output, _) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--output", "csv");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("time,rule_id,rule_title,level", lines[0]);
        Assert.Contains("Trail Stopped", lines[1]);
    }

    private void WriteGzip(string relative, string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        _temp.Write(relative, memory.ToArray());
    }
}
