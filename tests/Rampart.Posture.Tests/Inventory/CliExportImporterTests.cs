using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Inventory;

public sealed class CliExportImporterTests
{
    [SkippableFact]
    public void TheCloudMapperDemoImportsWithTheAccountFromStsAndBucketDataAttached()
    {
        var path = Datasets.Require("posture/cloudmapper-demo");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([path], bag);

        Assert.IsType<CliExportImporter>(InventoryImporters.Detect(path));
        Assert.Equal(36, inventory.Count);
        Assert.All(inventory.Resources, r => Assert.Equal("123456789012", r.Account));
        Assert.Equal(8, inventory.OfType("AWS::EC2::SecurityGroup", "123456789012", "us-east-1").Length);
        Assert.Equal(3, inventory.OfType("AWS::EC2::Instance").Length);
        Assert.Equal(3, inventory.OfType(ResourceTypes.CredentialReportRow).Length);
        Assert.Equal(4, inventory.OfType("AWS::IAM::Role").Length);

        var group = inventory.Find("arn:aws:ec2:us-east-1:123456789012:security-group/sg-00000008")!;
        Assert.Equal("Public", group.Configuration.GetProperty("GroupName").GetString());
        var instance = inventory.Find("arn:aws:ec2:us-east-1:123456789012:instance/i-00000000000000001")!;
        Assert.Equal("optional", instance.Configuration.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString());

        var bucket = inventory.Find("arn:aws:s3:::cloudmapper_demo")!;
        Assert.Equal("us-east-1", bucket.Region);
        Assert.Equal("*", bucket.Supplementary["BucketPolicy"].GetProperty("Statement")[0].GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("FULL_CONTROL", bucket.Supplementary["AccessControlList"].GetProperty("Grants")[0].GetProperty("Permission").GetString());

        var root = inventory.Find("Rampart::IAM::CredentialReportRow/123456789012/global/<root_account>")!;
        Assert.Equal("true", root.Configuration.GetProperty("access_key_1_active").GetString());
        Assert.Equal(1, inventory.Find("Rampart::IAM::AccountSummary/123456789012/global/account-summary")!.Configuration.GetProperty("AccountMFAEnabled").GetInt32());
        Assert.Equal(0, inventory.Find("Rampart::GuardDuty::Region/123456789012/us-east-1/guardduty")!.Configuration.GetProperty("DetectorIds").GetArrayLength());
        Assert.Equal("apigateway.amazonaws.com", inventory.Find("arn:aws:lambda:us-east-1:123456789012:function:invpclambda")!
            .Supplementary["Policy"].GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("demo_private", inventory.Find("arn:aws:sns:us-east-1:123456789012:demo_private")!.Id);

        // Calls Rampart does not map are listed, never dropped silently; nothing is worse than Info.
        var diagnostics = bag.ToImmutableArray();
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(diagnostics, d => d.ToString() == $"{Path.Combine(path, "us-east-1", "sqs-list-queues.json")}: INV006: `sqs-list-queues.json` is not mapped to resources; skipped.");
    }

    [Fact]
    public void OurLayoutReadsAccountsRegionsGlobalSettingsAndPerResourceFiles()
    {
        using var export = new TempDirectory();
        export.Write("111122223333/global/iam-get-account-password-policy.json", """{"PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": true}}""");
        export.Write("111122223333/global/s3-list-buckets.json", """{"Buckets": [{"Name": "logs", "CreationDate": "2024-01-01T00:00:00+00:00"}]}""");
        export.Write("111122223333/global/s3control-get-public-access-block.json", """{"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": false}}""");
        export.Write("111122223333/global/s3-get-bucket-location/logs.json", """{"LocationConstraint": "eu-west-1"}""");
        export.Write("111122223333/global/s3-get-bucket-versioning/logs.json", """{"Status": "Enabled", "MFADelete": "Disabled"}""");
        export.Write("111122223333/global/s3-get-bucket-encryption/logs.json", """{"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}""");
        export.Write("111122223333/global/s3-get-bucket-policy/missing.json", """{"Policy": "{}"}""");
        export.Write("111122223333/eu-west-1/ec2-describe-security-groups.json", """{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web", "IpPermissions": [], "Tags": [{"Key": "team", "Value": "web"}]}]}""");
        export.Write("111122223333/eu-west-1/ec2-get-ebs-encryption-by-default.json", """{"EbsEncryptionByDefault": false}""");
        export.Write("111122223333/eu-west-1/ec2-describe-snapshots.json", """{"Snapshots": [{"SnapshotId": "snap-1", "OwnerId": "111122223333"}, {"SnapshotId": "snap-2", "OwnerId": "999988887777"}]}""");
        export.Write("111122223333/eu-west-1/ec2-describe-snapshot-attribute/snap-1.json", """{"SnapshotId": "snap-1", "CreateVolumePermissions": [{"Group": "all"}]}""");
        export.Write("111122223333/eu-west-1/kms-list-keys.json", """{"Keys": [{"KeyId": "k1", "KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k1"}]}""");
        export.Write("111122223333/eu-west-1/kms-get-key-rotation-status/k1.json", """{"KeyRotationEnabled": false}""");
        export.Write("111122223333/eu-west-1/cloudtrail-describe-trails.json", """{"trailList": [{"Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "HomeRegion": "us-east-1", "IsMultiRegionTrail": true}]}""");
        export.Write("111122223333/us-east-1/cloudtrail-describe-trails.json", """{"trailList": [{"Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "HomeRegion": "us-east-1", "IsMultiRegionTrail": true}]}""");
        export.Write("111122223333/us-east-1/cloudtrail-get-trail-status/main.json", """{"IsLogging": true}""");
        var broken = export.Write("111122223333/us-east-1/ec2-describe-vpcs.json", "{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\",}\n]}");
        export.Write("111122223333/us-east-1/ec2-describe-volumes.json", """{"Volumes": [{"VolumeId": "vol-1", "Encrypted": false}, {"Size": 8}]}""");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([export.Path], bag);

        var policy = inventory.Find("Rampart::IAM::PasswordPolicy/111122223333/global/password-policy")!;
        Assert.True(policy.Configuration.GetProperty("Exists").GetBoolean());
        Assert.Equal(14, policy.Configuration.GetProperty("MinimumPasswordLength").GetInt32());
        var bucket = inventory.Find("arn:aws:s3:::logs")!;
        Assert.Equal("eu-west-1", bucket.Region);
        Assert.Equal("Disabled", bucket.Supplementary["BucketVersioningConfiguration"].GetProperty("MFADelete").GetString());
        Assert.Equal("aws:kms", bucket.Supplementary["ServerSideEncryptionConfiguration"].GetProperty("Rules")[0].GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.False(inventory.Find("Rampart::S3::AccountPublicAccessBlock/111122223333/global/111122223333")!.Configuration.GetProperty("RestrictPublicBuckets").GetBoolean());
        Assert.Equal("web", inventory.Find("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1")!.Tags["team"]);
        Assert.False(inventory.Find("Rampart::EC2::EbsEncryptionByDefault/111122223333/eu-west-1/ebs-encryption-by-default")!.Configuration.GetProperty("EbsEncryptionByDefault").GetBoolean());
        Assert.Equal("all", Assert.Single(inventory.OfType("AWS::EC2::Snapshot")).Supplementary["CreateVolumePermissions"][0].GetProperty("Group").GetString());
        Assert.False(inventory.Find("arn:aws:kms:eu-west-1:111122223333:key/k1")!.Supplementary["KeyRotationStatus"].GetProperty("KeyRotationEnabled").GetBoolean());
        var trail = Assert.Single(inventory.OfType("AWS::CloudTrail::Trail"));
        Assert.Equal(("us-east-1", true), (trail.Region, trail.Supplementary["TrailStatus"].GetProperty("IsLogging").GetBoolean()));
        Assert.Equal("vol-1", Assert.Single(inventory.OfType("AWS::EC2::Volume")).Id);

        // The broken file and the bad record are reported where they are; everything else was imported.
        var problems = bag.ToImmutableArray().Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.ToString()).ToList();
        Assert.Equal(
            [
                $"{broken}:2:21: INV004: not valid JSON (The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options); the file was skipped.",
                $"{Path.Combine(export.Path, "111122223333", "us-east-1", "ec2-describe-volumes.json")}:1:57: INV007: `$.Volumes[1].VolumeId` should be a string; the record was skipped.",
                $"{Path.Combine(export.Path, "111122223333", "global", "s3-get-bucket-policy", "missing.json")}:1:1: INV008: names AWS::S3::Bucket `missing`, which the export does not list; skipped.",
            ],
            problems);
        Assert.Contains(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.NotAResourceCode && d.Message.StartsWith("1 snapshots belong to other accounts", StringComparison.Ordinal));
    }

    [Fact]
    public void FileNamesAreSplitIntoServiceAndOperationByTheMappedCalls()
    {
        Assert.Equal(("s3control", "get-public-access-block"), CliExportImporter.Call("s3control-get-public-access-block.json"));
        Assert.Equal(("ec2", "describe-security-groups"), CliExportImporter.Call("ec2-describe-security-groups.json"));
        Assert.Null(CliExportImporter.Call("describe-regions.json"));
        Assert.Equal(("config", "describe-configuration-recorders"), CliExportImporter.Call("configservice-describe-configuration-recorders.json"));
        Assert.Equal(("s3", "get-bucket-acl"), CliExportImporter.Call("s3api-get-bucket-acl"));
        Assert.Equal("describe-db-snapshot-attributes", ApiResponseMapper.Kebab("DescribeDBSnapshotAttributes"));
        Assert.Equal("get-ebs-encryption-by-default", ApiResponseMapper.Kebab("GetEbsEncryptionByDefault"));
        Assert.Equal("list-mfa-devices", ApiResponseMapper.Kebab("ListMFADevices"));
    }

    internal static string Canonical(JsonElement element) => CanonicalJson.ToText(element);
}
