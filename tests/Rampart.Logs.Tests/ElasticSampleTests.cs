using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;

namespace Rampart.Logs.Tests;

/// <summary>Real-shaped samples from Elastic's integration tests, read in place.</summary>
public sealed class ElasticSampleTests
{
    private const string Folder = "logs/elastic-samples";

    public static TheoryData<string, string, int> Samples => new()
    {
        { "vpcflow-test-extra-samples.log", LogSourceTypes.VpcFlow, 7 },
        { "vpcflow-test-v5-all-fields.log", LogSourceTypes.VpcFlow, 1 },
        { "vpcflow-test-v8-samples.log", LogSourceTypes.VpcFlow, 1 },
        { "route53-test-route53.log", LogSourceTypes.Route53Resolver, 34 },
        { "guardduty-sample-finding-blackholetraffic-dns.json", LogSourceTypes.GuardDuty, 1 },
    };

    [SkippableFact]
    public void EveryLogInTheFolderIsCoveredHere()
    {
        var folder = Datasets.Require(Folder);
        var logs = Directory.GetFiles(folder).Select(Path.GetFileName).Where(name => name != "README.txt").Order(StringComparer.Ordinal);

        Assert.Equal(Samples.Select(row => (string)row[0]).Order(StringComparer.Ordinal), logs);
    }

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void EachSampleIsReadWholeWithoutAProblem(string file, string sourceType, int count)
    {
        var result = LogHarness.ReadFile(Datasets.Require(Path.Combine(Folder, file)));

        Assert.Empty(result.Problems);
        Assert.Equal(count, result.Events.Count);
        Assert.All(result.Events, e => Assert.Equal(sourceType, e.SourceType));
        Assert.All(result.Events, e => Assert.NotNull(e.Summary.Time));
        Assert.Equal(0, result.Statistics.RecordsSkipped);
    }

    [SkippableFact]
    public void TheDefaultFormatSamplesHoldNumbersNullsAndBothDataStatuses()
    {
        var result = LogHarness.ReadFile(Datasets.Require(Path.Combine(Folder, "vpcflow-test-extra-samples.log")), fields: ["dstport", "srcaddr", "log-status"]);

        Assert.Equal(FieldValue.FromNumber("22"), result.Events[0].Value("dstport"));
        Assert.Equal(FieldValue.Null, result.Events[1].Value("srcaddr"));
        Assert.Equal(["OK", "NODATA", "SKIPDATA", "OK", "OK", "OK", "OK"], result.Events.Select(e => e.Text("log-status")));
        Assert.Equal("NODATA", result.Events[1].Summary.EventName);
    }

    [SkippableFact]
    public void AHeaderlessVersion5LineWithAllFieldsIsReadInAwsOrder()
    {
        var result = LogHarness.ReadFile(
            Datasets.Require(Path.Combine(Folder, "vpcflow-test-v5-all-fields.log")),
            fields: ["flow-direction", "traffic-path", "pkt-dst-aws-service", "az-id", "tcp-flags", "sublocation-id"]);

        var flow = Assert.Single(result.Events);
        Assert.Equal("ingress", flow.Text("flow-direction"));
        Assert.Equal(FieldValue.FromNumber("1"), flow.Value("traffic-path"));
        Assert.Equal("CLOUDFRONT", flow.Text("pkt-dst-aws-service"));
        Assert.Equal("use1-az5", flow.Text("az-id"));
        Assert.Equal(FieldValue.FromNumber("1"), flow.Value("tcp-flags"));
        Assert.Equal(FieldValue.Null, flow.Value("sublocation-id"));
        Assert.Equal("us-east-1", flow.Summary.Region);
    }

    [SkippableFact]
    public void AHeaderlessVersion8LineReadsTheEcsFieldsAndTheRejectReason()
    {
        var result = LogHarness.ReadFile(Datasets.Require(Path.Combine(Folder, "vpcflow-test-v8-samples.log")), fields: ["ecs-cluster-name", "ecs-task-id", "reject-reason", "interface-id"]);

        var flow = Assert.Single(result.Events);
        Assert.Equal("backend-cluster", flow.Text("ecs-cluster-name"));
        Assert.Equal("e504f037-35c", flow.Text("ecs-task-id"));
        Assert.Equal("BPA", flow.Text("reject-reason"));
        Assert.Equal(FieldValue.Null, flow.Value("interface-id"));
        Assert.Equal("REJECT", flow.Summary.EventName);
    }

    [SkippableFact]
    public void TheRoute53SampleKeepsFirewallFieldsAndTheInstanceThatAsked()
    {
        var result = LogHarness.ReadFile(Datasets.Require(Path.Combine(Folder, "route53-test-route53.log")), fields: ["firewall_rule_action"]);

        var blocked = Assert.Single(result.Events, e => e.Values("firewall_rule_action").Count > 0);
        Assert.Equal("BLOCK", blocked.Text("firewall_rule_action"));
        Assert.Equal("i-0d15cd0d3example", blocked.Summary.Actor);
        Assert.Equal("111122223333", blocked.Summary.Account);
    }

    [SkippableFact]
    public void TheGuardDutySampleSummaryNamesTheFindingAndTheInstance()
    {
        var summary = LogHarness.ReadFile(Datasets.Require(Path.Combine(Folder, "guardduty-sample-finding-blackholetraffic-dns.json"))).Events.Single().Summary;

        Assert.Equal("Trojan:EC2/BlackholeTraffic!DNS", summary.EventName);
        Assert.Equal("i-99999999", summary.Actor);
        Assert.Equal("123412341234", summary.Account);
        Assert.Equal(new DateTimeOffset(2022, 11, 22, 12, 22, 20, 934, TimeSpan.Zero), summary.Time);
    }
}
