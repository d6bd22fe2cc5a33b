using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The SigmaHQ rules shipped in the shared datasets, read in place, load the way the brief says.</summary>
public sealed class SigmaHqDatasetRuleTests
{
    [SkippableFact]
    public void EveryAwsRuleCompilesWithoutErrorsOrWarnings()
    {
        var path = Datasets.Require("sigma/aws/rules");
        var bag = new DiagnosticBag();

        var set = SigmaRuleSet.Load([path], SigmaOptions.Default, bag);

        Assert.Equal(string.Empty, DiagnosticsText.Of(DiagnosticsText.AtLeast(bag, DiagnosticSeverity.Warning)));
        Assert.Equal(57, set.Rules.Length);
        Assert.All(set.Rules, rule => Assert.Equal(LogSourceTypes.CloudTrail, rule.SourceType));
        Assert.Equal(57, set.Rules.Select(rule => rule.Id).Distinct().Count());
    }

    [SkippableFact]
    public void AllButTwoAwsRulesAreKeyedByTheIndexSoEventsTryOnlyAFewRules()
    {
        var path = Datasets.Require("sigma/aws/rules");

        var set = SigmaRuleSet.Load([path], SigmaOptions.Default, new DiagnosticBag());

        // Tried on every event: the IMDS rule (only an ARN regex), and the TruffleHog rule, the only rule keyed on
        // userAgent, where a lookup would cost as much as trying the rule. The Lambda layer rule is keyed on its
        // eventName prefix.
        Assert.Equal(2, set.UnindexedCount(LogSourceTypes.CloudTrail));
    }

    [SkippableFact]
    public void EveryV1AggregationRuleIsReportedAsUnsupportedWithItsReason()
    {
        var path = Datasets.Require("sigma/aws/unsupported");
        var bag = new DiagnosticBag();

        var set = SigmaRuleSet.Load([path], SigmaOptions.Default, bag);

        Assert.Empty(set.Rules);
        var diagnostics = bag.ToImmutableArray();
        Assert.Equal(8, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(SigmaDiagnostics.UnsupportedAggregation, d.Code));
        Assert.Equal(8, diagnostics.Select(d => d.Location.Path).Distinct().Count());
        var count = diagnostics.Single(d => d.Location.Path.EndsWith("aws_macic_evasion.yml", StringComparison.Ordinal));
        Assert.Equal(
            "the rule is not supported: v1 aggregation '| count() by sourceIPAddress > 5'; Sigma v2 expresses this as a correlation rule. The rule is skipped.",
            count.Message);
        var near = diagnostics.Single(d => d.Location.Path.EndsWith("aws_lambda_function_created_or_invoked.yml", StringComparison.Ordinal));
        Assert.Contains("'| near selection2'", near.Message, StringComparison.Ordinal);
        var timeframe = diagnostics.Single(d => d.Location.Path.EndsWith("aws_ses_messaging_enabled.yml", StringComparison.Ordinal));
        Assert.Contains("'timeframe: 5m'", timeframe.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ThePlaceholderRuleIsSkippedWithoutConfigurationAndCompilesWithAPlaceholdersFile()
    {
        var path = Datasets.Require("sigma/aws/rules-placeholder");
        var unconfigured = new DiagnosticBag();

        var skipped = SigmaRuleSet.Load([path], SigmaOptions.Default, unconfigured);

        Assert.Empty(skipped.Rules);
        Assert.Equal(
            [SigmaDiagnostics.UnknownPlaceholder, SigmaDiagnostics.UnknownPlaceholder],
            unconfigured.ToImmutableArray().Select(d => d.Code));

        var configured = new DiagnosticBag();
        var options = SigmaOptions.WithPlaceholderFile(RepositoryPaths.Combine("tests", "Rampart.Detection.Tests", "Fixtures", "placeholders.yml"), configured);
        var set = SigmaRuleSet.Load([path], options, configured);

        Assert.Empty(configured.ToImmutableArray());
        var rule = Assert.Single(set.Rules);
        Assert.Equal("313e72de-0c0d-4d65-8c95-87f4d546eceb", rule.Id);
        var matches = new List<SigmaRule>();
        set.Match(Login(country: "BR", ip: "192.0.2.10"), matches);
        Assert.Single(matches);
        matches.Clear();
        set.Match(Login(country: "FR", ip: "192.0.2.10"), matches);
        Assert.Empty(matches);
        set.Match(Login(country: "BR", ip: "198.51.100.44"), matches);
        Assert.Empty(matches);
    }

    [SkippableFact]
    public void EveryGenericNetworkRuleCompilesOverRoute53AndFlowRecords()
    {
        var path = Datasets.Require("sigma/network");
        var bag = new DiagnosticBag();

        var set = SigmaRuleSet.Load([path], SigmaOptions.Default, bag);

        Assert.Equal(9, set.Rules.Length);
        Assert.Equal(8, set.Rules.Count(rule => rule.SourceType == LogSourceTypes.Route53Resolver));
        Assert.Equal(1, set.Rules.Count(rule => rule.SourceType == LogSourceTypes.VpcFlow));
        // Flow logs have no 'blocked' field; that selection never matches and the rule relies on 'action'.
        var warning = Assert.Single(bag.ToImmutableArray());
        Assert.Equal(SigmaDiagnostics.UnmappedField, warning.Code);
        Assert.EndsWith(
            "net_firewall_cleartext_protocols.yml:85:9: RULE021: field 'blocked' of log source category 'firewall' has no mapping onto vpcflow records; it never matches.",
            warning.ToString(),
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TheGenericDnsRulesMatchRoute53QueriesWrittenWithATrailingDot()
    {
        var path = Datasets.Require("sigma/network");
        var set = SigmaRuleSet.Load([path], SigmaOptions.Default, new DiagnosticBag());
        var matches = new List<SigmaRule>();

        set.Match(JsonLogEvent.Parse("""{"query_name":"api.telegram.org.","query_type":"A","srcaddr":"10.0.0.5"}""", LogSourceTypes.Route53Resolver), matches);
        set.Match(JsonLogEvent.Parse("""{"query_name":"c2.duckdns.org.","query_type":"A"}""", LogSourceTypes.Route53Resolver), matches);
        set.Match(JsonLogEvent.Parse("""{"query_name":"x.example.com.","query_type":"TXT","answers":[{"Rdata":"\"powershell IEX(foo)\"","Type":"TXT","Class":"IN"}]}""", LogSourceTypes.Route53Resolver), matches);
        set.Match(JsonLogEvent.Parse("""{"srcaddr":"10.0.0.5","dstaddr":"10.0.1.9","srcport":"50000","dstport":"23","protocol":"6","action":"ACCEPT"}""", LogSourceTypes.VpcFlow), matches);
        set.Match(JsonLogEvent.Parse("""{"srcaddr":"10.0.0.5","dstaddr":"10.0.1.9","srcport":"50000","dstport":"23","protocol":"6","action":"REJECT"}""", LogSourceTypes.VpcFlow), matches);

        Assert.Equal(
            ["Telegram Bot API Request", "Low Reputation Effective Top-Level Domain (eTLD)", "DNS TXT Answer with Possible Execution Strings", "Cleartext Protocol Usage"],
            matches.Select(rule => rule.Title));
    }

    private static JsonLogEvent Login(string country, string ip) => JsonLogEvent.Parse(
        $$"""{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Success"},"src_country":"{{country}}","src_ip":"{{ip}}"}""",
        LogSourceTypes.CloudTrail);
}
