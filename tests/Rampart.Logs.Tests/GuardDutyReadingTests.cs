using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;

namespace Rampart.Logs.Tests;

public sealed class GuardDutyReadingTests
{
    private const string PortProbe = """{"schemaVersion":"2.0","accountId":"111122223333","region":"eu-west-1","partition":"aws","id":"a1b2c3d4e5f6","arn":"arn:aws:guardduty:eu-west-1:111122223333:detector/d1/finding/a1b2c3d4e5f6","type":"Recon:EC2/PortProbeUnprotectedPort","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0123456789abcdef0"}},"service":{"serviceName":"guardduty","action":{"actionType":"PORT_PROBE","portProbeAction":{"blocked":false,"portProbeDetails":[{"localPortDetails":{"port":22,"portName":"SSH"},"remoteIpDetails":{"ipAddressV4":"198.51.100.77","country":{"countryName":"Example"}}}]}},"count":3},"severity":2,"createdAt":"2024-03-05T09:00:00.000Z","updatedAt":"2024-03-05T10:00:00.000Z","title":"Unprotected port on EC2 instance i-0123456789abcdef0 is being probed."}""";

    private const string CredentialUse = """{"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","id":"f6e5d4c3b2a1","type":"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS","resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"ASIAEXAMPLE","principalId":"AROAEXAMPLE:i-0123","userName":"web-role","userType":"AssumedRole"}},"service":{"serviceName":"guardduty","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"ListBuckets","remoteIpDetails":{"ipAddressV4":"203.0.113.200"}}}},"severity":8,"createdAt":"2024-03-05T12:00:00.000Z","title":"Credentials used from outside AWS."}""";

    public static TheoryData<string, string> Shapes => new()
    {
        { "a single finding", PortProbe },
        { "JSON lines", PortProbe + "\n" + CredentialUse + "\n" },
        { "get-findings output", "{\"findings\":[" + PortProbe + "," + CredentialUse + "]}" },
        { "get-findings output, PascalCase", "{\n  \"Findings\": [\n    " + PortProbe + ",\n    " + CredentialUse + "\n  ]\n}\n" },
        { "an EventBridge envelope", "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"account\":\"111122223333\",\"time\":\"2024-03-05T10:00:00Z\",\"region\":\"eu-west-1\",\"resources\":[],\"detail\":" + PortProbe + "}" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryShapeGivesTheFindingsThemselves(string shape, string text)
    {
        var result = LogHarness.ReadText(text, fields: ["type", "service.action.portProbeAction.portProbeDetails.localPortDetails.port"]);

        Assert.True(result.Problems.IsEmpty, shape);
        Assert.NotEmpty(result.Events);
        Assert.All(result.Events, e => Assert.Equal(LogSourceTypes.GuardDuty, e.SourceType));
        Assert.Equal("Recon:EC2/PortProbeUnprotectedPort", result.Events[0].Text("type"));
        Assert.Equal(FieldValue.FromNumber("22"), result.Events[0].Value("service.action.portProbeAction.portProbeDetails.localPortDetails.port"));
    }

    [Fact]
    public void TheSummaryOfAPortProbeNamesTheInstanceAndTheProbingAddress()
    {
        var summary = LogHarness.ReadText(PortProbe).Events.Single().Summary;

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), summary.Time);
        Assert.Equal("a1b2c3d4e5f6", summary.EventId);
        Assert.Equal("Recon:EC2/PortProbeUnprotectedPort", summary.EventName);
        Assert.Equal("111122223333", summary.Account);
        Assert.Equal("eu-west-1", summary.Region);
        Assert.Equal("i-0123456789abcdef0", summary.Actor);
        Assert.Equal("198.51.100.77", summary.SourceIp);
    }

    [Fact]
    public void TheSummaryOfACredentialFindingNamesTheUserAndFallsBackToCreatedAt()
    {
        var summary = LogHarness.ReadText(CredentialUse).Events.Single().Summary;

        Assert.Equal("web-role", summary.Actor);
        Assert.Equal("203.0.113.200", summary.SourceIp);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero), summary.Time);
    }

    [Fact]
    public void WithoutInstanceOrKeyTheActorIsTheResourceType()
    {
        var finding = """{"schemaVersion":"2.0","accountId":"111122223333","region":"eu-west-1","id":"b1","type":"Policy:S3/BucketBlockPublicAccessDisabled","resource":{"resourceType":"S3Bucket"},"service":{"action":{}},"updatedAt":"2024-03-05T10:00:00Z"}""";

        var summary = LogHarness.ReadText(finding).Events.Single().Summary;

        Assert.Equal("S3Bucket", summary.Actor);
        Assert.Null(summary.SourceIp);
    }
}
