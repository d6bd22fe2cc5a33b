using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Intel;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Intel;

public sealed class IntelModifierTests
{
    private static readonly IntelList Threats = List("threats", "203.0.113.66\n198.51.100.0/24\nc2.badactor.example\n");
    private static readonly IntelList Tor = List("tor-exits", "192.0.2.77\n");

    private const string Rule = """
        title: Listed Address
        id: 0c7b1f2e-8d4a-4f3b-9e6c-5a2d1b0e9f83
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                sourceIPAddress|intel:
                    - threats
                    - tor-exits
            condition: selection
        level: high
        """;

    [Theory]
    [InlineData("203.0.113.66", true)]
    [InlineData("198.51.100.9", true)]
    [InlineData("192.0.2.77", true)]
    [InlineData("192.0.2.78", false)]
    [InlineData("ec2.amazonaws.com", false)]
    public void ARuleMatchesValuesOnAnyOfItsLists(string address, bool expected)
    {
        var rules = Load(Rule, [Threats, Tor], out var diagnostics);
        Assert.Empty(diagnostics);
        var matches = new List<SigmaRule>();
        rules.Match(Event(address), matches);
        Assert.Equal(expected, matches.Count == 1);
    }

    [Fact]
    public void AHitTellsWhichListAndEntryMatched()
    {
        var rules = Load(Rule, [Threats, Tor], out _);
        var rule = Assert.Single(rules.Rules);

        var found = Assert.Single(rules.IntelMatches(rule, Event("198.51.100.9")));

        Assert.Equal(new IntelMatch("threats", "198.51.100.0/24", "sourceIPAddress", "198.51.100.9"), found);
        Assert.True(rules.UsesIntel(rule));
    }

    [Fact]
    public void AMissingListIsReportedAndTheRuleRunsWithTheListsThatAreLoaded()
    {
        var rules = Load(Rule, [Tor], out var diagnostics);

        var info = Assert.Single(diagnostics);
        Assert.Equal(SigmaDiagnostics.UnknownIntelList, info.Code);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("'threats'", info.Message);
        Assert.Equal(9, info.Location.Line);
        Assert.Single(rules.Rules);
    }

    [Fact]
    public void ARuleWithoutAnyOfItsListsIsSkippedNotRejected()
    {
        var rules = Load(Rule, [], out var diagnostics);

        Assert.Empty(rules.Rules);
        Assert.Equal(2, diagnostics.Count);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("sourceIPAddress|intel|contains")]
    [InlineData("sourceIPAddress|contains|intel")]
    [InlineData("sourceIPAddress|cidr|intel")]
    [InlineData("'|intel'")]
    public void IntelCombinesWithNoOtherModifier(string key)
    {
        var rules = Load(Rule.Replace("sourceIPAddress|intel", key, StringComparison.Ordinal), [Threats, Tor], out var diagnostics);

        Assert.Empty(rules.Rules);
        Assert.Contains(diagnostics, d => d.Code == SigmaDiagnostics.InvalidModifier && d.Severity == DiagnosticSeverity.Error);
    }

    private static SigmaRuleSet Load(string yaml, IntelList[] lists, out List<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(yaml, "rule.yml", SigmaOptions.Default.WithIntelLists(lists), bag);
        diagnostics = [.. bag.ToImmutableArray()];
        return rules;
    }

    private static IntelList List(string name, string text) =>
        IntelListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, name + ".txt", IntelFormat.Text, new DiagnosticBag())!;

    private static LogEvent Event(string address) => JsonLogEvent.Parse(
        $$"""{"eventSource":"s3.amazonaws.com","eventName":"ListBuckets","sourceIPAddress":"{{address}}"}""",
        LogSourceTypes.CloudTrail,
        _ => new EventSummary());
}
