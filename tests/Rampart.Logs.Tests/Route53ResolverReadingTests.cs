using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;

namespace Rampart.Logs.Tests;

public sealed class Route53ResolverReadingTests
{
    private const string Query = """{"version":"1.100000","account_id":"111122223333","region":"eu-west-1","vpc_id":"vpc-0abc","query_timestamp":"2024-03-05T10:20:00Z","query_name":"pool.minexmr.example.","query_type":"A","query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":"192.0.2.10","Type":"A","Class":"IN"},{"Rdata":"192.0.2.11","Type":"A","Class":"IN"}],"srcaddr":"10.0.1.5","srcport":"53422","transport":"UDP","srcids":{"instance":"i-0123456789abcdef0"}}""";

    private const string FirewallBlock = """{"version":"1.100000","account_id":"111122223333","region":"eu-west-1","vpc_id":"vpc-0abc","query_timestamp":"2024-03-05T10:21:00Z","query_name":"exfil.example.","query_type":"TXT","query_class":"IN","rcode":"NOERROR","answers":[],"srcaddr":"10.0.1.6","srcport":"40001","transport":"UDP","srcids":{"resolver_endpoint":"rslvr-in-0abc"},"firewall_rule_group_id":"rslvr-frg-0abc","firewall_rule_action":"BLOCK","firewall_domain_list_id":"rslvr-fdl-0abc"}""";

    [Fact]
    public void QueryLogLinesAreReadAsWrittenWithTheirQuirks()
    {
        var result = LogHarness.ReadText(Query + "\n" + FirewallBlock + "\n", "vpcdnsquerylogs/query.log", fields: ["version", "srcport", "answers.Rdata", "srcids.instance", "firewall_rule_action"]);

        Assert.Empty(result.Problems);
        Assert.All(result.Events, e => Assert.Equal(LogSourceTypes.Route53Resolver, e.SourceType));
        var query = result.Events[0];
        Assert.Equal(FieldValue.FromString("1.100000"), query.Value("version"));
        var port = query.Value("srcport");
        Assert.Equal(FieldValueKind.String, port.Kind);
        Assert.True(port.TryGetNumber(out var number));
        Assert.Equal(53422, number);
        Assert.Equal(["192.0.2.10", "192.0.2.11"], query.Values("answers.Rdata").Select(v => v.Text));
        Assert.Equal("BLOCK", result.Events[1].Text("firewall_rule_action"));
        Assert.Empty(result.Events[1].Values("srcids.instance"));
    }

    [Fact]
    public void TheSummaryNamesTheQueryAndTheInstanceThatAsked()
    {
        var result = LogHarness.ReadText(Query + "\n" + FirewallBlock + "\n");

        var summary = result.Events[0].Summary;
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 20, 0, TimeSpan.Zero), summary.Time);
        Assert.Equal("pool.minexmr.example.", summary.EventName);
        Assert.Equal("111122223333", summary.Account);
        Assert.Equal("eu-west-1", summary.Region);
        Assert.Equal("i-0123456789abcdef0", summary.Actor);
        Assert.Equal("10.0.1.5", summary.SourceIp);
        Assert.Equal("vpc-0abc", result.Events[1].Summary.Actor);
    }

    [Fact]
    public void ATimestampWithASpaceInsteadOfTIsStillATime()
    {
        var result = LogHarness.ReadText("""{"query_name":"a.example.","query_timestamp":"2022-06-25 00:27:53","srcaddr":"5.6.7.8"}""");

        Assert.Equal(new DateTimeOffset(2022, 6, 25, 0, 27, 53, TimeSpan.Zero), Assert.Single(result.Events).Summary.Time);
    }
}
