using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Assessment;
using Rampart.Posture.Checks;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Checks.Plugins;

/// <summary>The shipped plugin checks over inventories built link by link.</summary>
public sealed class PluginCheckTests
{
    private const string Account = "111122223333";
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:security";
    private const string RootPattern = """{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }""";

    private static readonly Lazy<CheckPack> Pack = new(() =>
        CheckPack.Compile(CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks")).Checks));

    private static CloudResource Trail(bool multiRegion = true, bool logging = true, string group = "trail", string? selectors = null) => Resources.Of(
        "AWS::CloudTrail::Trail",
        $$"""{"Name":"main","IsMultiRegionTrail":{{(multiRegion ? "true" : "false")}},"S3BucketName":"audit","CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:{{Account}}:log-group:{{group}}:*"}""",
        $$"""{"TrailStatus":{"IsLogging":{{(logging ? "true" : "false")}}}{{(selectors is null ? "" : ",\"EventSelectors\":" + selectors)}}}""",
        key: $"arn:aws:cloudtrail:us-east-1:{Account}:trail/main");

    private static CloudResource Filter(string pattern, string group = "trail", string metric = "root") => Resources.Of(
        "AWS::Logs::MetricFilter",
        JsonSerializer.Serialize(new { filterName = metric, logGroupName = group, filterPattern = pattern, metricTransformations = new[] { new { metricName = metric, metricNamespace = "CIS", metricValue = "1" } } }),
        key: $"AWS::Logs::MetricFilter/{Account}/us-east-1/{group}/{metric}");

    private static CloudResource Alarm(string alarm) => Resources.Of("AWS::CloudWatch::Alarm", alarm, key: $"arn:aws:cloudwatch:us-east-1:{Account}:alarm:root");

    private static CloudResource Topic(int confirmed) => Resources.Of(
        "AWS::SNS::Topic", $$"""{"TopicArn":"{{TopicArn}}","SubscriptionsConfirmed":"{{confirmed}}"}""", key: TopicArn);

    private static CloudResource Subscription(string arn) => Resources.Of(
        "AWS::SNS::Subscription", $$"""{"TopicArn":"{{TopicArn}}","Protocol":"email","SubscriptionArn":"{{arn}}"}""", key: TopicArn + "/" + arn);

    private const string GoodAlarm = $$"""{"AlarmName":"root","MetricName":"root","Namespace":"CIS","ActionsEnabled":true,"AlarmActions":["{{TopicArn}}"]}""";

    private static AssessedResult Judge(string check, params CloudResource[] resources)
    {
        var inventory = ResourceInventory.Create(resources, [], NullDiagnosticSink.Instance);
        var report = AssessmentRunner.Run(inventory, Pack.Value, MuteList.Empty, Resources.Now);
        return Assert.Single(report.Results, r => r.Result.CheckId == check);
    }

    private static string? Reason(AssessedResult result) =>
        result.Result.Evidence.FirstOrDefault(static e => e.Path == "reason")?.Value.GetString();

    [Fact]
    public void ACompleteChainPassesAndItsEvidenceNamesEveryLink()
    {
        var result = Judge("cloudwatch-alarm-root-usage", Trail(), Filter(RootPattern), Alarm(GoodAlarm), Topic(confirmed: 1));

        Assert.Equal("PASS", result.Status);
        Assert.Equal(ResourceTypes.Account, result.Resource.Type);
        Assert.Equal(["trail", "logGroup", "metricFilter", "filterPattern", "metric", "alarm", "topic", "subscribers"], result.Result.Evidence.Select(static e => e.Path));
        Assert.Equal(["cis-aws-3.0:4.3", "wa-sec:SEC01-BP02", "wa-sec:SEC04-BP04"], result.Result.Controls.ToArray());
    }

    [Theory]
    [InlineData("regional trail", "no trail records every region's management events to CloudWatch Logs")]
    [InlineData("stopped trail", "no trail records every region's management events to CloudWatch Logs")]
    [InlineData("writes only", "no trail records every region's management events to CloudWatch Logs")]
    [InlineData("filter on another group", "no metric filter on log group trail catches the indicator's events")]
    [InlineData("filter misses console sign-ins", "no metric filter on log group trail catches the indicator's events")]
    [InlineData("filter catches everything", "no metric filter on log group trail catches the indicator's events")]
    [InlineData("unreadable filter", "no metric filter on log group trail catches the indicator's events")]
    [InlineData("no alarm", "no alarm watches metric CIS/root")]
    [InlineData("alarm on another metric", "no alarm watches metric CIS/root")]
    [InlineData("actions disabled", "alarm root has its actions disabled")]
    [InlineData("no SNS action", "alarm root notifies no SNS topic")]
    [InlineData("nobody subscribed", "topic arn:aws:sns:us-east-1:111122223333:security has no confirmed subscriber")]
    [InlineData("subscription pending", "topic arn:aws:sns:us-east-1:111122223333:security has no confirmed subscriber")]
    public void ABrokenChainFailsNamingTheLinkWhereItBreaks(string breakage, string reason)
    {
        var trail = breakage switch
        {
            "regional trail" => Trail(multiRegion: false),
            "stopped trail" => Trail(logging: false),
            "writes only" => Trail(selectors: """{"EventSelectors":[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}]}"""),
            _ => Trail(),
        };
        var filter = breakage switch
        {
            "filter on another group" => Filter(RootPattern, group: "other"),
            "filter misses console sign-ins" => Filter("""{ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" }"""),
            "filter catches everything" => Filter("{ $.eventVersion = * }"),
            "unreadable filter" => Filter("[version, account, user]"),
            _ => Filter(RootPattern),
        };
        var alarm = breakage switch
        {
            "alarm on another metric" => Alarm(GoodAlarm.Replace("\"MetricName\":\"root\"", "\"MetricName\":\"other\"", StringComparison.Ordinal)),
            "actions disabled" => Alarm(GoodAlarm.Replace("\"ActionsEnabled\":true", "\"ActionsEnabled\":false", StringComparison.Ordinal)),
            "no SNS action" => Alarm(GoodAlarm.Replace(TopicArn, "arn:aws:automate:us-east-1:ec2:stop", StringComparison.Ordinal)),
            _ => Alarm(GoodAlarm),
        };
        List<CloudResource> resources = breakage switch
        {
            "no alarm" => [trail, filter, Topic(1)],
            "nobody subscribed" => [trail, filter, alarm, Topic(0)],
            "subscription pending" => [trail, filter, alarm, Topic(0), Subscription("PendingConfirmation")],
            _ => [trail, filter, alarm, Topic(1)],
        };

        var result = Judge("cloudwatch-alarm-root-usage", [.. resources]);

        Assert.Equal("FAIL", result.Status);
        Assert.Equal(reason, Reason(result));
    }

    [Fact]
    public void AnAccountWithoutTrailsBesideOneWithThemFails()
    {
        var other = Resources.Of("AWS::CloudTrail::Trail", """{"Name":"other","IsMultiRegionTrail":true}""", key: "arn:aws:cloudtrail:us-east-1:444455556666:trail/other", account: "444455556666");
        var inventory = ResourceInventory.Create([other, Filter(RootPattern), Alarm(GoodAlarm), Topic(1)], [], NullDiagnosticSink.Instance);

        var report = AssessmentRunner.Run(inventory, Pack.Value, MuteList.Empty, Resources.Now);

        var ours = Assert.Single(report.Results, r => r.Result.CheckId == "cloudwatch-alarm-root-usage" && r.Resource.Account == Account);
        Assert.Equal("FAIL", ours.Status);
        Assert.Equal("no trail records every region's management events to CloudWatch Logs", Reason(ours));
    }

    [Fact]
    public void ConfirmedSubscriptionsListedAsResourcesCountAndMetricMathAlarmsWatchTheirMetrics()
    {
        var mathAlarm = Alarm("""{"AlarmName":"root","ActionsEnabled":true,"AlarmActions":["TOPIC"],"Metrics":[{"Id":"m1","MetricStat":{"Metric":{"MetricName":"root","Namespace":"CIS"}}}]}""".Replace("TOPIC", TopicArn, StringComparison.Ordinal));

        var result = Judge("cloudwatch-alarm-root-usage", Trail(), Filter(RootPattern), mathAlarm, Topic(0), Subscription(TopicArn + ":5f1c"));

        Assert.Equal("PASS", result.Status);
    }

    [Fact]
    public void WithoutAnyTrailInTheInventoryTheAccountCannotBeJudged()
    {
        var result = Judge("cloudwatch-alarm-root-usage", Filter(RootPattern), Alarm(GoodAlarm), Topic(1));

        Assert.Equal("ERROR", result.Status);
        Assert.Contains("describe-trails", result.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedChainIsMutedByTheAccount()
    {
        var inventory = ResourceInventory.Create([Trail(), Filter(RootPattern), Alarm(GoodAlarm), Topic(0)], [], NullDiagnosticSink.Instance);
        var mutes = MuteList.Parse($"""
            mutes:
              - check: cloudwatch-alarm-*
                account: "{Account}"
                reason: the central security account watches this one
            """, "mutes.yml", Resources.Now, NullDiagnosticSink.Instance);

        var report = AssessmentRunner.Run(inventory, Pack.Value, mutes, Resources.Now);

        Assert.Equal("MUTED", Assert.Single(report.Results, r => r.Result.CheckId == "cloudwatch-alarm-root-usage").Status);
    }

    [Fact]
    public void DriftJudgesPluginChecksAgainOnlyWhenATypeTheyReadChanged()
    {
        var baseline = ResourceInventory.Create([Trail(), Filter(RootPattern), Alarm(GoodAlarm), Topic(1)], [], NullDiagnosticSink.Instance);
        var disabled = Alarm(GoodAlarm.Replace("\"ActionsEnabled\":true", "\"ActionsEnabled\":false", StringComparison.Ordinal));
        var current = ResourceInventory.Create([Trail(), Filter(RootPattern), disabled, Topic(1)], [], NullDiagnosticSink.Instance);

        var report = AssessmentRunner.Run(baseline, current, Pack.Value, MuteList.Empty, Resources.Now);

        var flipped = Assert.Single(report.Flipped, static f => f.CheckId == "cloudwatch-alarm-root-usage");
        Assert.Equal(("PASS", "FAIL"), (flipped.Before, flipped.After));
        Assert.All(Pack.Value.InventoryChecks, check => Assert.DoesNotContain("AWS::EC2::SecurityGroup", check.Reads));
        Assert.Contains(Pack.Value.InventoryChecks, check => check.Reads.Contains("AWS::CloudWatch::Alarm"));
    }

    [SkippableFact]
    public void EveryCisMonitoringPatternPassesItsOwnCheckAndNoOther()
    {
        var file = Path.Combine(Datasets.Require("monitoring"), "cis-aws-monitoring-metric-filters.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var checks = Pack.Value.InventoryChecks.Where(static c => c.Definition.Plugin == "metric-alarm-chain").ToList();
        var judged = 0;
        foreach (var control in document.RootElement.GetProperty("controls").EnumerateArray())
        {
            var number = control.GetProperty("cis_v1_4_to_v5_0").GetString()!;
            var own = Assert.Single(checks, c => c.Definition.Controls.Contains("cis-aws-3.0:" + number));
            var patterns = new[] { control.GetProperty("filter_pattern").GetString() }
                .Concat(control.TryGetProperty("variant_or_note", out var variant) && variant.ValueKind == JsonValueKind.String && variant.GetString()!.Contains('{', StringComparison.Ordinal)
                    ? [variant.GetString()![variant.GetString()!.IndexOf('{', StringComparison.Ordinal)..]]
                    : Array.Empty<string>());
            foreach (var pattern in patterns)
            {
                var inventory = ResourceInventory.Create([Trail(), Filter(pattern!), Alarm(GoodAlarm), Topic(1)], [], NullDiagnosticSink.Instance);
                var passing = checks.Where(check =>
                {
                    var statuses = new List<CheckStatus>();
                    check.Evaluate(inventory, Resources.Now, (result, _) => statuses.Add(result.Status));
                    return statuses.SequenceEqual([CheckStatus.Pass]);
                }).Select(static c => c.Id).ToList();
                Assert.True(passing.SequenceEqual([own.Id]), $"CIS {number} pattern {pattern} passes [{string.Join(", ", passing)}], expected [{own.Id}]");
                judged++;
            }
        }

        Assert.True(judged >= 15, $"{judged} patterns judged");
    }

    [Theory]
    // Each selector set: whether reads and writes of every event source reach the log group.
    [InlineData("""{"EventSelectors":[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true},{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}]}""", "PASS")]
    [InlineData("""{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"ExcludeManagementEventSources":["kms.amazonaws.com"]}]}""", "FAIL")]
    [InlineData("""{"AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["true"]}]},{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}]}""", "PASS")]
    [InlineData("""{"AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"eventSource","NotEquals":["kms.amazonaws.com"]}]}]}""", "FAIL")]
    public void ManagementEventsCountWhenReadsAndWritesOfEverySourceAreRecorded(string selectors, string status)
    {
        var result = Judge("cloudwatch-alarm-root-usage", Trail(selectors: selectors), Filter(RootPattern), Alarm(GoodAlarm), Topic(confirmed: 1));

        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void AnOrganizationTrailOfTheManagementAccountRecordsTheMemberAccounts()
    {
        const string Member = "999988887777";
        var organization = Resources.Of(
            "AWS::CloudTrail::Trail",
            $$"""{"Name":"org","IsMultiRegionTrail":true,"IsOrganizationTrail":true,"S3BucketName":"audit","CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:{{Account}}:log-group:trail:*"}""",
            """{"TrailStatus":{"IsLogging":true}}""",
            key: $"arn:aws:cloudtrail:us-east-1:{Account}:trail/org");
        var memberBucket = Resources.Of("AWS::S3::Bucket", """{"Name":"member-data"}""", key: "arn:aws:s3:::member-data", account: Member) with { Id = "member-data" };
        var inventory = ResourceInventory.Create([organization, Filter(RootPattern), Alarm(GoodAlarm), Topic(1), memberBucket], [], NullDiagnosticSink.Instance);

        var report = AssessmentRunner.Run(inventory, Pack.Value, MuteList.Empty, Resources.Now);

        string Status(string check) => Assert.Single(report.Results, r => r.Result.CheckId == check && r.Resource.Account == Member).Status;
        Assert.Equal("PASS", Status("cloudtrail-account-multi-region"));
        Assert.Equal("PASS", Status("cloudwatch-alarm-root-usage"));
    }

    [Theory]
    [InlineData("""["arn:aws:s3:::member-data/"]""", "PASS")]
    [InlineData("""["arn:aws:s3"]""", "PASS")]
    [InlineData("""["arn:aws:s3:::member-data/only-this-prefix/"]""", "FAIL")]
    [InlineData("""["arn:aws:s3:::member-data-archive/"]""", "FAIL")]
    public void ObjectEventsCoverABucketOnlyWhenTheSelectorNamesAllOfIt(string values, string status)
    {
        var bucket = Resources.Of("AWS::S3::Bucket", """{"Name":"member-data"}""", key: "arn:aws:s3:::member-data") with { Id = "member-data" };
        var trail = Trail(selectors: $$"""{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":{{values}}}]}]}""");

        Assert.Equal(status, Judge("cloudtrail-s3-object-writes-logged", trail, bucket).Status);
    }

    [Fact]
    public void AdvancedSelectorsNarrowedByEventNameCoverNothing()
    {
        var bucket = Resources.Of("AWS::S3::Bucket", """{"Name":"member-data"}""", key: "arn:aws:s3:::member-data") with { Id = "member-data" };
        var trail = Trail(selectors: """{"AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"eventName","Equals":["DeleteObject"]}]}]}""");

        Assert.Equal("FAIL", Judge("cloudtrail-s3-object-writes-logged", trail, bucket).Status);
    }
}
