using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Inventory;

public sealed class RecordedResponseImporterTests
{
    [SkippableFact]
    public void TheCisMonitoringChainRecordingImportsTrailFilterAlarmAndTopic()
    {
        var path = Datasets.Require("posture/custodian-placebo/test_cloudtrail_success_log_metric_filter");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([path], bag);

        Assert.IsType<RecordedResponseImporter>(InventoryImporters.Detect(path));
        Assert.Equal(4, inventory.Count);
        var trail = inventory.Find("arn:aws:cloudtrail:us-east-1:644160558196:trail/tf-trail-40313")!;
        Assert.True(trail.Supplementary["TrailStatus"].GetProperty("IsLogging").GetBoolean());
        var filter = Assert.Single(inventory.OfType("AWS::Logs::MetricFilter", "644160558196", "us-east-1"));
        Assert.Equal("test-filter-name-40313", filter.Configuration.GetProperty("filterName").GetString());
        var alarm = Assert.Single(inventory.OfType("AWS::CloudWatch::Alarm"));
        Assert.Equal("arn:aws:cloudwatch:us-east-1:644160558196:alarm:NoMFAConsoleLoginAlarm_40313", alarm.Key);
        Assert.Single(inventory.OfType("AWS::SNS::Topic"));
        Assert.All(bag.ToImmutableArray(), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [SkippableFact]
    public void AMissingPasswordPolicyIsAResourceThatSaysSo()
    {
        var inventory = InventoryImporters.Import([Datasets.Require("posture/custodian-placebo/test_account_missing_password_policy")], new DiagnosticBag());

        var policy = Assert.Single(inventory.OfType(ResourceTypes.PasswordPolicy));
        Assert.Equal("""{"Exists":false}""", policy.Configuration.GetRawText());
        Assert.Equal("644160558196", policy.Account);
    }

    [SkippableFact]
    public void PerBucketResponsesGoToTheBucketsInTheOrderRecordedAndErrorsAreReported()
    {
        var path = Datasets.Require("posture/custodian-placebo/test_s3_check_public_block");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([path], bag);

        Assert.Equal(["644160558196-us-east-1-s3-logs", "644160558196-us-east-2-s3-logs", "my-locked-down-bucket"], inventory.OfType("AWS::S3::Bucket").Select(b => b.Id));
        Assert.False(inventory.Find("arn:aws:s3:::644160558196-us-east-1-s3-logs")!.Supplementary.ContainsKey("PublicAccessBlockConfiguration"));
        Assert.False(inventory.Find("arn:aws:s3:::644160558196-us-east-2-s3-logs")!.Supplementary["PublicAccessBlockConfiguration"].GetProperty("IgnorePublicAcls").GetBoolean());
        Assert.Equal("2022-08-31T12:35:48+00:00", inventory.Find("arn:aws:s3:::my-locked-down-bucket")!.Configuration.GetProperty("CreationDate").GetString());
        Assert.Contains(bag.ToImmutableArray(), d => d.ToString() == $"{Path.Combine(path, "s3.GetPublicAccessBlock_3.json")}:1:1: INV009: the response is the error `AccessDenied`: Access Denied; what it would have told is unknown.");
        Assert.Contains(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.UnknownAccountCode);
    }

    [SkippableFact]
    public void SnapshotPermissionsAreAttachedByTheSnapshotTheResponseNames()
    {
        var inventory = InventoryImporters.Import([Datasets.Require("posture/custodian-placebo/test_ebs_cross_account")], new DiagnosticBag());

        Assert.Equal(4, inventory.OfType("AWS::EC2::Snapshot").Length);
        Assert.All(inventory.OfType("AWS::EC2::Snapshot"), s => Assert.True(s.Supplementary.ContainsKey("CreateVolumePermissions")));
        Assert.StartsWith("arn:aws:ec2:us-east-1::snapshot/", inventory.OfType("AWS::EC2::Snapshot")[0].Key, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryRecordingImportsWithoutErrors()
    {
        var root = Datasets.Require("posture/custodian-placebo");
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var bag = new DiagnosticBag();
            _ = new RecordedResponseImporter().Import(folder, bag);
            Assert.False(bag.HasErrors, folder + ": " + string.Join("\n", bag.ToImmutableArray()));
        }
    }
}
