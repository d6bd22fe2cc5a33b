using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;

namespace Rampart.Logs.Tests;

public sealed class VpcFlowReadingTests
{
    private const string DefaultHeader = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private const string Accepted = "2 111122223333 eni-0a1b2c3d4e5f60001 203.0.113.12 10.0.1.5 51234 22 6 10 840 1709633730 1709633790 ACCEPT OK";

    public static TheoryData<string, string, string, string> VersionFields => new()
    {
        // version, the fields the version added (header), their values, one field and the text it must read as
        { "3", "vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr", "vpc-0abc subnet-0def i-0123456789abcdef0 19 IPv4 203.0.113.12 10.0.1.5", "instance-id=i-0123456789abcdef0" },
        { "4", "region az-id sublocation-type sublocation-id", "eu-west-1 euw1-az2 outpost op-0123456789abcdef0", "az-id=euw1-az2" },
        { "5", "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path", "AMAZON - ingress 8", "flow-direction=ingress" },
        { "7", "ecs-cluster-arn ecs-cluster-name ecs-container-instance-arn ecs-container-instance-id ecs-container-id ecs-second-container-id ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id", "arn:aws:ecs:eu-west-1:111122223333:cluster/prod prod arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/abc abc 1a2b3c - web arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3 arn:aws:ecs:eu-west-1:111122223333:task/prod/def def", "ecs-service-name=web" },
        { "8", "reject-reason", "BPA", "reject-reason=BPA" },
    };

    [Fact]
    public void TheDefaultFormatWithItsHeaderIsReadWithAwsFieldNames()
    {
        var result = LogHarness.ReadText(DefaultHeader + "\n" + Accepted + "\n", fields: ["dstport", "srcaddr", "account-id", "log-status", "interface-id"]);

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Events);
        Assert.Equal(LogSourceTypes.VpcFlow, flow.SourceType);
        Assert.Equal(FieldValue.FromNumber("22"), flow.Value("dstport"));
        Assert.Equal(FieldValue.FromString("203.0.113.12"), flow.Value("srcaddr"));
        Assert.Equal(FieldValue.FromString("111122223333"), flow.Value("account-id"));
        Assert.Equal(FieldValue.FromString("OK"), flow.Value("log-status"));
        Assert.Equal(new EventOrigin("input.log", 2, 1), flow.Origin);
    }

    [Theory]
    [MemberData(nameof(VersionFields))]
    public void EachVersionsFieldsAreReadFromACustomFormatHeader(string version, string added, string values, string expectation)
    {
        var header = "version interface-id srcaddr dstport action " + added;
        var line = version + " eni-0a1b2c3d4e5f60001 203.0.113.12 443 ACCEPT " + values;
        var (field, text) = (expectation.Split('=')[0], expectation.Split('=')[1]);

        var result = LogHarness.ReadText(header + "\n" + line + "\n", fields: [field, "version", "dstport"]);

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Events);
        Assert.Equal(FieldValue.FromString(text), flow.Value(field));
        Assert.Equal(FieldValue.FromNumber(version), flow.Value("version"));
        Assert.Equal(FieldValue.FromNumber("443"), flow.Value("dstport"));
    }

    [Fact]
    public void NumericFieldsAddedByLaterVersionsAreNumbers()
    {
        var result = LogHarness.ReadText("version tcp-flags traffic-path\n5 19 8\n", fields: ["tcp-flags", "traffic-path"]);

        var flow = Assert.Single(result.Events);
        Assert.Equal(FieldValue.FromNumber("19"), flow.Value("tcp-flags"));
        Assert.Equal(FieldValue.FromNumber("8"), flow.Value("traffic-path"));
    }

    [Fact]
    public void AFileWithoutHeaderIsReadAsTheDefaultFormat()
    {
        var result = LogHarness.ReadText(Accepted + "\n" + Accepted.Replace("ACCEPT", "REJECT", StringComparison.Ordinal), fields: ["action", "protocol"]);

        Assert.Empty(result.Problems);
        Assert.Equal(["ACCEPT", "REJECT"], result.Events.Select(e => e.Text("action")));
        Assert.Equal(FieldValue.FromNumber("6"), result.Events[0].Value("protocol"));
    }

    [Fact]
    public void NoDataAndSkipDataRecordsAreRecordsWhoseDashesAreNulls()
    {
        var text = DefaultHeader + "\n"
            + "2 111122223333 eni-0a1b2c3d4e5f60001 - - - - - - - 1709633730 1709633790 - NODATA\n"
            + "2 111122223333 eni-0a1b2c3d4e5f60001 - - - - - - - 1709633730 1709633790 - SKIPDATA\n";

        var result = LogHarness.ReadText(text, fields: ["srcaddr", "packets", "action", "log-status"]);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Events.Count);
        Assert.All(result.Events, e => Assert.Equal(FieldValue.Null, e.Value("srcaddr")));
        Assert.All(result.Events, e => Assert.Equal(FieldValue.Null, e.Value("packets")));
        Assert.All(result.Events, e => Assert.Equal(FieldValue.Null, e.Value("action")));
        Assert.Equal(["NODATA", "SKIPDATA"], result.Events.Select(e => e.Summary.EventName));
    }

    [Fact]
    public void TheSummaryReadsStartActionAccountRegionInterfaceAndSource()
    {
        var result = LogHarness.ReadText("version account-id interface-id srcaddr start action log-status region\n5 111122223333 eni-0a1b 203.0.113.12 1709633730 REJECT OK eu-west-1\n");

        var summary = Assert.Single(result.Events).Summary;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709633730), summary.Time);
        Assert.Equal("REJECT", summary.EventName);
        Assert.Equal("111122223333", summary.Account);
        Assert.Equal("eu-west-1", summary.Region);
        Assert.Equal("eni-0a1b", summary.Actor);
        Assert.Equal("203.0.113.12", summary.SourceIp);
        Assert.Null(summary.EventId);
    }

    [Fact]
    public void WriteToWritesNumbersAsNumbersAndDashesAsNull()
    {
        var result = LogHarness.ReadText("version srcaddr dstport action\n2 - 22 ACCEPT\n");

        Assert.Equal("""{"version":2,"srcaddr":null,"dstport":22,"action":"ACCEPT"}""", Assert.Single(result.Events).Json);
    }

    [Fact]
    public void FieldsAreFlatSoDottedPathsFindNothing()
    {
        var result = LogHarness.ReadText(Accepted, fields: ["dstport.value", "no-such-field"]);

        Assert.Empty(result.Events[0].Values("dstport.value"));
        Assert.Empty(result.Events[0].Values("no-such-field"));
        Assert.Equal(14, result.Events[0].AllValues.Count);
    }

    [Fact]
    public void AHeaderAgainMidFileSwitchesTheFields()
    {
        var text = DefaultHeader + "\n" + Accepted + "\nversion srcaddr dstport\n2 198.51.100.1 3389\n";

        var result = LogHarness.ReadText(text, fields: ["dstport"]);

        Assert.Empty(result.Problems);
        Assert.Equal(["22", "3389"], result.Events.Select(e => e.Text("dstport")));
    }

    [Fact]
    public void GzipFlowLogsAndWindowsLineEndsAreRead()
    {
        var result = LogHarness.ReadBytes(LogHarness.Gzip(DefaultHeader + "\r\n" + Accepted + "\r\n"), "111122223333_vpcflowlogs_eu-west-1_fl-1_20240305T1010Z_hash.log.gz", fields: ["log-status"]);

        Assert.Empty(result.Problems);
        Assert.Equal("OK", Assert.Single(result.Events).Text("log-status"));
    }

    [Fact]
    public void ALineWithTheWrongNumberOfFieldsIsSkippedAndTheNextIsRead()
    {
        var text = DefaultHeader + "\n" + "2 111122223333 eni-0a1b 203.0.113.12\n" + Accepted + "\n";

        var result = LogHarness.ReadText(text);

        Assert.Single(result.Events);
        Assert.Equal(["input.log:2:1 record 1: LOG009: the flow record has 4 fields but the header names 14; the record was skipped"], result.Messages);
        Assert.Equal(["2 111122223333 eni-0a1b 203.0.113.12"], result.Quarantine.Texts);
        Assert.Equal(1, result.Statistics.RecordsSkipped);
    }

    [Fact]
    public void ABadNumberIsReportedAtItsColumnAndTheLineSkipped()
    {
        var result = LogHarness.ReadText("version srcaddr dstport\n2 203.0.113.12 ssh\n2 203.0.113.12 22\n");

        Assert.Single(result.Events);
        Assert.Equal(["input.log:2:16 record 1: LOG010: field `dstport` must be a whole number or `-` but is `ssh`; the record was skipped"], result.Messages);
    }

    [Fact]
    public void AHeaderlessLineOfAnUnknownLayoutIsSkipped()
    {
        var result = LogHarness.ReadText("2 111122223333 eni-0a1b 203.0.113.12 10.0.0.1 1 2 6 1 1 1 1 ACCEPT OK extra\n");

        Assert.Empty(result.Events);
        Assert.Equal([LogDiagnostics.FlowUnknownLayoutCode], result.Codes);
    }

    [Fact]
    public void AnEventUsedAfterTheReaderMovedOnThrowsInsteadOfShowingAnotherRecord()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Accepted + "\n" + Accepted + "\n"));
        var context = new LogReadContext(new Core.Diagnostics.DiagnosticBag());
        using var events = LogReader.Read(stream, "input.log", LogReadOptions.Default, context).GetEnumerator();
        Assert.True(events.MoveNext());
        var first = events.Current;
        Assert.True(events.MoveNext());

        Assert.Throws<InvalidOperationException>(() => first.CollectValues(FieldPath.Parse("dstport"), []));
    }

    [Fact]
    public void CamelCaseJsonFlowRecordsAreNormalisedToAwsNames()
    {
        var json = """{"version":2,"account":"111122223333","interfaceId":"eni-0a1b","srcAddr":"198.51.100.1","dstAddr":"10.0.0.1","srcPort":"40000","dstPort":22,"status":"OK","action":"ACCEPT","subNetId":"subnet-1","start":"-"}""";

        var result = LogHarness.ReadText(json + "\n", fields: ["dstport", "srcport", "srcaddr", "log-status", "subnet-id", "account-id", "start"]);

        Assert.Empty(result.Problems);
        var flow = Assert.Single(result.Events);
        Assert.Equal(LogSourceTypes.VpcFlow, flow.SourceType);
        Assert.Equal(FieldValue.FromNumber("22"), flow.Value("dstport"));
        Assert.Equal(FieldValue.FromNumber("40000"), flow.Value("srcport"));
        Assert.Equal("198.51.100.1", flow.Text("srcaddr"));
        Assert.Equal("OK", flow.Text("log-status"));
        Assert.Equal("subnet-1", flow.Text("subnet-id"));
        Assert.Equal("111122223333", flow.Summary.Account);
        Assert.Equal(FieldValue.Null, flow.Value("start"));
    }
}
