using System.Text.Json.Nodes;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>new_value</c> baselines: learning per group, state kept between hunts, and GeoIP countries from a real MaxMind DB file.</summary>
public sealed class BaselineTests : IDisposable
{
    private const string Rules = """
        title: API Call in a Region New to the Principal
        id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
        correlation:
            type: new_value
            rules:
                - any_api_call
            group-by:
                - userIdentity.arn
            condition:
                field: awsRegion
            learning: 7d
        level: medium
        ---
        title: Any API Call
        id: 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e
        name: any_api_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource|exists: true
            condition: selection
        level: informational
        """;

    private const string CountryRules = """
        title: Sign-in From a Country New to the User
        id: 3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f
        correlation:
            type: new_value
            rules:
                - any_api_call
            group-by:
                - userIdentity.arn
            condition:
                field: sourceIPAddress|country
            learning: 1d
        level: high
        ---
        title: Any API Call
        id: 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e
        name: any_api_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource|exists: true
            condition: selection
        level: informational
        """;

    private static readonly string[] FirstHalf =
    [
        Call("alice", "2026-03-01T10:00:00Z", "us-east-1"),
        Call("alice", "2026-03-03T10:00:00Z", "eu-west-1"),
        Call("alice", "2026-03-10T09:00:00Z", "eu-west-1"),
        Call("alice", "2026-03-10T10:00:00Z", "ap-south-1"),
    ];

    private static readonly string[] SecondHalf =
    [
        Call("alice", "2026-03-11T10:00:00Z", "ap-south-1"),
        Call("bob", "2026-03-10T10:00:00Z", "sa-east-1"),
        Call("bob", "2026-03-18T10:00:00Z", "us-west-2"),
        Call("alice", "2026-03-19T10:00:00Z", "us-west-2"),
    ];

    private readonly TempDirectory _temp = new();
    private readonly string _rules;

    public BaselineTests()
    {
        _rules = _temp.Write("rules/new_region.yml", Rules);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ANewValueFiresOnceAfterItsGroupsLearningPeriod()
    {
        var events = _temp.Write("logs/all.jsonl", string.Join('\n', [.. FirstHalf, .. SecondHalf]) + "\n");

        var hits = await Hunt(events, _rules);

        Assert.Equal(["alice ap-south-1", "bob us-west-2", "alice us-west-2"], hits);
    }

    [Fact]
    public async Task AStateFileCarriesBaselinesToTheNextHuntWithTheSameResults()
    {
        var state = _temp.Combine("state/baselines.json");
        var first = _temp.Write("logs/1.jsonl", string.Join('\n', FirstHalf) + "\n");
        var second = _temp.Write("logs/2.jsonl", string.Join('\n', SecondHalf) + "\n");

        var hits = (await Hunt(first, _rules, "--baseline", state)).Concat(await Hunt(second, _rules, "--baseline", state)).ToList();

        Assert.Equal(["alice ap-south-1", "bob us-west-2", "alice us-west-2"], hits);
        var saved = JsonNode.Parse(File.ReadAllText(state))!;
        Assert.Equal("rampart-baselines", saved["format"]!.GetValue<string>());
        var groups = saved["correlations"]!["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"]!["groups"]!.AsArray();
        Assert.Equal(2, groups.Count);
        Assert.Equal(4, groups[0]!["values"]!.AsArray().Count);

        // Hunting the same logs again finds nothing new: everything is learned.
        Assert.Empty(await Hunt(second, _rules, "--baseline", state));
    }

    [Fact]
    public async Task BaselinesOfCorrelationsNotLoadedSurviveAHuntWithFewerRules()
    {
        var state = _temp.Combine("baselines.json");
        var events = _temp.Write("logs/all.jsonl", string.Join('\n', FirstHalf) + "\n");
        await Hunt(events, _rules, "--baseline", state);
        var other = _temp.Write("other/rule.yml", Rules.Replace("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "9a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", StringComparison.Ordinal));

        await Hunt(events, other, "--baseline", state);

        var correlations = JsonNode.Parse(File.ReadAllText(state))!["correlations"]!.AsObject();
        Assert.Equal(["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "9a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"], correlations.Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUnreadableStateIsReportedKeptAsideAndTheHuntLearnsAfresh()
    {
        var state = _temp.Write("baselines.json", "{\"format\":\"rampart-baselines\",\"correlations\":{\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\":{\"groups\":[{\"group\":[]}]}}}");
        var events = _temp.Write("logs/all.jsonl", string.Join('\n', [.. FirstHalf, .. SecondHalf]) + "\n");

        var (exit, output, error) = await CliRunner.Run("hunt", events, "--rules", _rules, "--baseline", state, "--output", "jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("BASE001", error);
        Assert.True(File.Exists(state + ".unreadable"));
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("rampart-baselines", File.ReadAllText(state));
    }

    [Fact]
    public async Task CountriesComeFromAMaxMindDatabase()
    {
        var database = _temp.Combine("GeoLite2-Country.mmdb");
        new MaxMindDbWriter()
            .Add("198.51.100.0/24", new() { ["country"] = new Dictionary<string, object> { ["iso_code"] = "DE" } })
            .Add("203.0.113.0/25", new() { ["country"] = new Dictionary<string, object> { ["iso_code"] = "KP" } })
            .Write(database, "GeoLite2-Country");
        var rules = _temp.Write("geo/new_country.yml", CountryRules);
        var events = _temp.Write("logs/geo.jsonl", string.Join('\n',
            Call("carol", "2026-03-01T10:00:00Z", "eu-west-1", "198.51.100.7"),
            Call("carol", "2026-03-05T10:00:00Z", "eu-west-1", "198.51.100.99"),
            Call("carol", "2026-03-05T11:00:00Z", "eu-west-1", "192.0.2.1"),
            Call("carol", "2026-03-05T12:00:00Z", "eu-west-1", "203.0.113.5"),
            Call("carol", "2026-03-06T12:00:00Z", "eu-west-1", "203.0.113.77")) + "\n");

        var (exit, output, error) = await CliRunner.Run("hunt", events, "--rules", rules, "--geoip", database, "--output", "jsonl");

        Assert.True(exit == 0, error);
        var hit = JsonNode.Parse(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("KP", hit["correlation"]!["newValue"]!.GetValue<string>());
        Assert.Equal("203.0.113.5", hit["sourceIp"]!.GetValue<string>());
    }

    [Fact]
    public async Task RulesThatNeedGeoIpWithoutADatabaseSaySo()
    {
        var rules = _temp.Write("geo/new_country.yml", CountryRules);
        var events = _temp.Write("logs/geo.jsonl", Call("carol", "2026-03-01T10:00:00Z", "eu-west-1", "198.51.100.7") + "\n");

        var (exit, _, error) = await CliRunner.Run("hunt", events, "--rules", rules, "--output", "jsonl");

        Assert.Equal(0, exit);
        Assert.Contains("BASE003", error);
    }

    [Fact]
    public async Task AFileThatIsNotAGeoIpDatabaseIsAnInputError()
    {
        var rules = _temp.Write("geo/new_country.yml", CountryRules);
        var events = _temp.Write("logs/geo.jsonl", Call("carol", "2026-03-01T10:00:00Z", "eu-west-1", "198.51.100.7") + "\n");
        var notADatabase = _temp.Write("fake.mmdb", "hello");

        var (exit, _, error) = await CliRunner.Run("hunt", events, "--rules", rules, "--geoip", notADatabase);

        Assert.Equal(2, exit);
        Assert.Contains("BASE004", error);
    }

    private static async Task<List<string>> Hunt(string events, string rules, params string[] more)
    {
        var (exit, output, error) = await CliRunner.Run(["hunt", events, "--rules", rules, "--output", "jsonl", .. more]);
        Assert.True(exit == 0, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .Select(hit => hit["correlation"]!["group"]!["userIdentity.arn"]!.GetValue<string>().Split('/')[^1] + " " + hit["correlation"]!["newValue"]!.GetValue<string>())];
    }

    private static string Call(string user, string time, string region, string ip = "203.0.113.9") =>
        $$"""{"eventTime":"{{time}}","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"{{region}}","sourceIPAddress":"{{ip}}","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/{{user}}"},"eventID":"{{user}}-{{time}}"}""";
}
