using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>--lateness</c>: how far out of event-time order a record may arrive and still count in correlations.</summary>
public sealed class LatenessTests : IDisposable
{
    private const string Rules = """
        title: Three Denied Calls
        id: 4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c
        correlation:
            type: event_count
            rules:
                - denied
            group-by:
                - sourceIPAddress
            timespan: 10m
            condition:
                gte: 3
        level: high
        ---
        title: Denied Call
        id: 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d
        name: denied
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                errorCode: AccessDenied
            condition: selection
        level: informational
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(null, 0)]
    [InlineData("1h", 1)]
    public async Task ARecordArrivingLaterThanTheLatenessDoesNotCount(string? lateness, int expected)
    {
        var rules = _temp.Write("rules/denied.yml", Rules);

        // The third denied call (10:02) arrives after a record of 10:30 of the same file: 28 minutes behind.
        var events = _temp.Write("logs/events.jsonl", string.Join('\n', Call("10:00:00", "AccessDenied"), Call("10:01:00", "AccessDenied"), Call("10:30:00", "AccessDenied", "198.51.100.1"), Call("10:02:00", "AccessDenied")) + "\n");

        var (exit, output, error) = await CliRunner.Run(["hunt", events, "--rules", rules, "--output", "jsonl", .. lateness is null ? Array.Empty<string>() : ["--lateness", lateness]]);

        Assert.True(exit == 0, error);
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ALatenessThatIsNotASpanIsAUsageError()
    {
        var rules = _temp.Write("rules/denied.yml", Rules);
        var events = _temp.Write("logs/events.jsonl", Call("10:00:00", null) + "\n");

        var (exit, _, error) = await CliRunner.Run("hunt", events, "--rules", rules, "--lateness", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--lateness: 'soon'", error);
    }

    private static string Call(string time, string? error, string ip = "203.0.113.9") =>
        $$"""{"eventTime":"2026-03-01T{{time}}Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","sourceIPAddress":"{{ip}}","eventID":"{{time}}-{{ip}}"{{(error is null ? "" : $",\"errorCode\":\"{error}\"")}}}""";
}
