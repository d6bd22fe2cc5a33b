using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The placeholders file: both layouts, and every bad entry reported while good ones are kept.</summary>
public sealed class PlaceholderFileTests
{
    [Fact]
    public void AFlatFileWithPercentNamesAndSingleValuesIsRead()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("placeholders.yml", """
            '%Admins%':
                - alice
                - bob
            Servers: srv-*
            Empty:
            """);
        var bag = new DiagnosticBag();

        var options = SigmaOptions.WithPlaceholderFile(path, bag);

        Assert.Empty(bag.ToImmutableArray());
        Assert.Equal(["alice", "bob"], options.Placeholders["admins"].AsEnumerable());
        Assert.Equal(["srv-*"], options.Placeholders["Servers"].AsEnumerable());
        Assert.Empty(options.Placeholders["Empty"]);
    }

    [Fact]
    public void BadEntriesAreReportedAndTheGoodOnesKept()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("placeholders.yml", """
            placeholders:
                Good: [a, b]
                Nested:
                    key: value
                Mixed:
                    - ok
                    - [not, ok]
            """);
        var bag = new DiagnosticBag();

        var options = SigmaOptions.WithPlaceholderFile(path, bag);

        Assert.Equal(
            $"""
            {path}:4:9: RULE038: placeholder 'Nested' must have a value or a list of values; it is ignored.
            {path}:7:11: RULE038: the values of placeholder 'Mixed' must be strings or numbers; this one is ignored.
            """,
            DiagnosticsText.Of(bag));
        Assert.Equal(["Good", "Mixed"], options.Placeholders.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["ok"], options.Placeholders["Mixed"].AsEnumerable());
    }

    [Fact]
    public void AMissingFileIsReportedAndLeavesThePlaceholdersAsTheyWere()
    {
        var bag = new DiagnosticBag();
        var options = SigmaOptions.Default with
        {
            Placeholders = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("Kept", ["x"]),
        };

        var result = options.WithPlaceholdersFrom("/nonexistent/placeholders.yml", bag);

        Assert.Equal("/nonexistent/placeholders.yml: RULE037: no such file or directory.", DiagnosticsText.Of(bag));
        Assert.Equal(["x"], result.Placeholders["Kept"].AsEnumerable());
    }

    [Fact]
    public void AValueWithSeveralPlaceholdersExpandsIntoEveryCombination()
    {
        var options = SigmaOptions.Default with
        {
            // An ordinal dictionary from the caller: names still compare case-insensitively.
            Placeholders = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal) { ["ENV"] = ["prod", "dev"], ["Tier"] = ["web", "db"] },
        };
        var bag = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse("""
            title: Host names
            id: 1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d
            logsource:
                product: aws
            detection:
                selection:
                    requestParameters.host|expand: '%Env%-%Tier%-??'
                condition: selection
            level: low
            """, "rules/x.yml", options, bag);

        Assert.Empty(bag.ToImmutableArray());
        var matched = new[] { "prod-web-01", "dev-db-02", "DEV-WEB-99", "prod-cache-01", "test-web-01" }
            .Where(host => Matches(rules, host))
            .ToList();
        Assert.Equal(["prod-web-01", "dev-db-02", "DEV-WEB-99"], matched);
    }

    private static bool Matches(SigmaRuleSet rules, string host)
    {
        var matches = new List<SigmaRule>();
        rules.Match(Core.Events.JsonLogEvent.Parse($$$"""{"requestParameters":{"host":"{{{host}}}"}}""", Core.Events.LogSourceTypes.CloudTrail), matches);
        return matches.Count == 1;
    }
}
