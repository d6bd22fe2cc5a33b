using Rampart.Core.Diagnostics;
using Rampart.Posture.Assessment;
using Rampart.Posture.Checks;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;
using Rampart.Posture.Tests.Checks;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Assessment;

/// <summary>
/// Judging again only what a change reaches gives the same results as judging the whole inventory again, including
/// where references cross accounts (a trail writing to another account's bucket, an alarm notifying another account's
/// topic).
/// </summary>
public sealed class IncrementalAssessmentTests
{
    private const string App = "111122223333";
    private const string Security = "444455556666";
    private const string Topic = "arn:aws:sns:us-east-1:444455556666:central-alerts";

    private static readonly Lazy<CheckPack> Pack = new(() =>
        CheckPack.Compile(CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks")).Checks));

    private static CloudResource Central(bool logging = true) => Resources.Of(
        "AWS::S3::Bucket", """{"Name":"central-logs"}""",
        logging ? """{"BucketLoggingConfiguration":{"LoggingEnabled":{"TargetBucket":"access-logs"}},"BucketPolicyStatus":{"IsPublic":false}}""" : """{"BucketLoggingConfiguration":{},"BucketPolicyStatus":{"IsPublic":false}}""",
        key: "arn:aws:s3:::central-logs", account: Security) with { Id = "central-logs", Region = "global" };

    private static CloudResource AppTrail(bool dataEvents = false) => Resources.Of(
        "AWS::CloudTrail::Trail",
        $$"""{"Name":"app","IsMultiRegionTrail":true,"S3BucketName":"central-logs","CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:{{App}}:log-group:trail:*"}""",
        dataEvents
            ? """{"TrailStatus":{"IsLogging":true},"EventSelectors":{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}}"""
            : """{"TrailStatus":{"IsLogging":true}}""",
        key: $"arn:aws:cloudtrail:us-east-1:{App}:trail/app", account: App);

    private static CloudResource Filter() => Resources.Of(
        "AWS::Logs::MetricFilter",
        """{"filterName":"root","logGroupName":"trail","filterPattern":"{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }","metricTransformations":[{"metricName":"root","metricNamespace":"CIS","metricValue":"1"}]}""",
        key: $"AWS::Logs::MetricFilter/{App}/us-east-1/trail/root", account: App);

    private static CloudResource Alarm() => Resources.Of(
        "AWS::CloudWatch::Alarm", $$"""{"AlarmName":"root","MetricName":"root","Namespace":"CIS","ActionsEnabled":true,"AlarmActions":["{{Topic}}"]}""",
        key: $"arn:aws:cloudwatch:us-east-1:{App}:alarm:root", account: App);

    private static CloudResource CentralTopic(int subscribers) => Resources.Of(
        "AWS::SNS::Topic", $$"""{"TopicArn":"{{Topic}}","SubscriptionsConfirmed":"{{subscribers}}"}""", key: Topic, account: Security);

    private static CloudResource AppBucket(string name, bool logging = false) => Resources.Of(
        "AWS::S3::Bucket", $$"""{"Name":"{{name}}"}""",
        logging ? """{"BucketLoggingConfiguration":{"LoggingEnabled":{"TargetBucket":"access-logs"}}}""" : """{"BucketLoggingConfiguration":{}}""",
        key: "arn:aws:s3:::" + name, account: App) with { Id = name, Region = "global" };

    private static CloudResource Vpc(string id) => Resources.Of(
        "AWS::EC2::VPC", $$"""{"VpcId":"{{id}}"}""", key: $"arn:aws:ec2:us-east-1:{App}:vpc/{id}", account: App) with { Id = id };

    private static CloudResource FlowLog(string vpc) => Resources.Of(
        "AWS::EC2::FlowLog", $$"""{"FlowLogId":"fl-{{vpc}}","ResourceId":"{{vpc}}","TrafficType":"ALL","FlowLogStatus":"ACTIVE"}""",
        key: $"AWS::EC2::FlowLog/{App}/us-east-1/fl-{vpc}", account: App) with { Id = "fl-" + vpc };

    private static List<CloudResource> Baseline() =>
        [Central(), AppTrail(), Filter(), Alarm(), CentralTopic(1), AppBucket("app-data"), AppBucket("app-site"), Vpc("vpc-1"), FlowLog("vpc-1"), Vpc("vpc-2")];

    public static TheoryData<string> Changes() =>
        [
            "central bucket stops logging", "central topic loses its subscriber", "app bucket logs access", "trail records object events", "trail deleted",
            "VPC added", "flow log deleted", "alarm deleted", "bucket deleted", "an account appears", "an account vanishes", "trail becomes an organization trail",
        ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void JudgingOnlyWhatAChangeReachesEqualsJudgingEverything(string change)
    {
        var current = Baseline();
        void Replace(string key, CloudResource? with)
        {
            current.RemoveAll(r => r.Key == key);
            if (with is not null)
                current.Add(with);
        }

        switch (change)
        {
            case "central bucket stops logging": Replace(Central().Key, Central(logging: false)); break;
            case "central topic loses its subscriber": Replace(Topic, CentralTopic(0)); break;
            case "app bucket logs access": Replace("arn:aws:s3:::app-site", AppBucket("app-site", logging: true)); break;
            case "trail records object events": Replace(AppTrail().Key, AppTrail(dataEvents: true)); break;
            case "trail deleted": Replace(AppTrail().Key, null); break;
            case "VPC added": current.Add(Vpc("vpc-3")); break;
            case "flow log deleted": Replace(FlowLog("vpc-1").Key, null); break;
            case "alarm deleted": Replace(Alarm().Key, null); break;
            case "bucket deleted": Replace("arn:aws:s3:::app-data", null); break;
            case "an account appears": current.Add(Resources.Of("AWS::EC2::VPC", """{"VpcId":"vpc-9"}""", key: "arn:aws:ec2:us-east-1:777788889999:vpc/vpc-9", account: "777788889999") with { Id = "vpc-9" }); break;
            case "an account vanishes": Replace(Central().Key, null); Replace(Topic, null); break;
            case "trail becomes an organization trail":
                Replace(AppTrail().Key, AppTrail() with { Configuration = System.Text.Json.JsonDocument.Parse(AppTrail().Configuration.GetRawText().Replace("\"Name\":\"app\"", "\"Name\":\"app\",\"IsOrganizationTrail\":true", StringComparison.Ordinal)).RootElement.Clone() });
                break;
        }

        var before = ResourceInventory.Create(Baseline(), [], NullDiagnosticSink.Instance);
        var after = ResourceInventory.Create(current, [], NullDiagnosticSink.Instance);

        var incremental = AssessmentRunner.Run(before, after, Pack.Value, MuteList.Empty, Resources.Now);
        var full = AssessmentRunner.Run(after, Pack.Value, MuteList.Empty, Resources.Now);

        Assert.NotEmpty(incremental.Changes);
        Assert.NotEmpty(incremental.Flipped);
        Assert.Equal(Statuses(full), Statuses(incremental));
    }

    private static string[] Statuses(AssessmentReport report) =>
        [.. report.Results.Select(static r => $"{r.Result.CheckId} {r.Result.ResourceKey} {r.Status}")];
}
