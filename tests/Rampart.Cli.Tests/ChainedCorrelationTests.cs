using System.Text.Json.Nodes;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>A correlation that another builds on only feeds it, as detection rules do, unless the outer one generates.</summary>
public sealed class ChainedCorrelationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false, new[] { "Denied Then Allowed" })]
    [InlineData(true, new[] { "Allowed Call", "Repeatedly Denied", "Denied Then Allowed" })]
    public async Task TheInnerCorrelationReportsOnlyWhenTheOuterGenerates(bool generate, string[] expected)
    {
        _temp.Write("rules/chain.yml", ChainRules(generate));
        var events = _temp.Write("logs/events.jsonl", string.Join('\n',
            Call("10:00:00", "AccessDenied"),
            Call("10:01:00", "AccessDenied"),
            Call("10:02:00", null)) + "\n");

        var (exit, output, error) = await CliRunner.Run("hunt", events, "--rules", _temp.Combine("rules"), "--output", "jsonl");

        Assert.True(exit == 0, error);
        var titles = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!["rule"]!["title"]!.GetValue<string>());
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task AChainFiresWhenTheStreamMovesOnLongBeforeItsInnerCorrelationIsPlaced()
    {
        // The inner correlation's matches are placed only when the next match of the stream arrives, an hour later;
        // what it then fires is not late for the outer one.
        _temp.Write("rules/chain.yml", ChainRules(generate: false));
        var later = Enumerable.Range(1, 4).Select(hour => Call($"{10 + hour}:00:00", null, "198.51.100.1"));
        var events = _temp.Write("logs/events.jsonl", string.Join('\n', [Call("10:00:00", "AccessDenied"), Call("10:01:00", "AccessDenied"), Call("10:02:00", null), .. later]) + "\n");

        var (exit, output, error) = await CliRunner.Run("hunt", events, "--rules", _temp.Combine("rules"), "--output", "jsonl");

        Assert.True(exit == 0, error);
        var hit = JsonNode.Parse(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("Denied Then Allowed", hit["rule"]!["title"]!.GetValue<string>());
        Assert.Equal("203.0.113.9", hit["correlation"]!["group"]!["sourceIPAddress"]!.GetValue<string>());
    }

    private static string ChainRules(bool generate) => $"""
            title: Denied Then Allowed
            id: 6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
            correlation:
                type: temporal_ordered
                rules:
                    - repeatedly_denied
                    - allowed_call
                group-by:
                    - sourceIPAddress
                timespan: 10m
                generate: {(generate ? "true" : "false")}
            level: high
            ---
            title: Repeatedly Denied
            id: 7d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a
            name: repeatedly_denied
            correlation:
                type: event_count
                rules:
                    - denied_call
                group-by:
                    - sourceIPAddress
                timespan: 10m
                condition:
                    gte: 2
            level: low
            ---
            title: Denied Call
            id: 8e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b
            name: denied_call
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    errorCode: AccessDenied
                condition: selection
            level: informational
            ---
            title: Allowed Call
            id: 9f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b7c
            name: allowed_call
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName: GetSecretValue
                filter:
                    errorCode|exists: true
                condition: selection and not filter
            level: informational
            """;

    private static string Call(string time, string? error, string ip = "203.0.113.9") =>
        $$"""{"eventTime":"2026-03-01T{{time}}Z","eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","sourceIPAddress":"{{ip}}","eventID":"{{time}}"{{(error is null ? "" : $",\"errorCode\":\"{error}\"")}}}""";
}
