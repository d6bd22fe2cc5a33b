using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Inventory;

public sealed class ConfigItemImporterTests
{
    [SkippableFact]
    public void TheConfigSamplesImportWithMalformedFilesReportedWhereTheyBreak()
    {
        var path = Datasets.Require("posture/config-items");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([path], bag);

        Assert.IsType<ConfigItemImporter>(InventoryImporters.Detect(path));
        Assert.Equal(88, inventory.Count);
        var errors = bag.ToImmutableArray().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Equal(
            [
                $"{Path.Combine(path, "rdk-example-ci", "AWS_EC2_NetworkInterface.json")}:88:1: INV004: not valid JSON (Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed); the file was skipped.",
                $"{Path.Combine(path, "rdk-example-ci", "AWS_SSM_ManagedInstanceInventory_Linux.json")}:51:41: INV004: not valid JSON ('0x0A' is invalid within a JSON string. The string should be correctly escaped); the file was skipped.",
            ],
            errors);

        // The documentation's sample has an availability zone for a service in its ARN and an eleven-digit account.
        Assert.Contains(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.SuspiciousIdentityCode && d.Message.StartsWith("the ARN `arn:aws:us-west-2b:", StringComparison.Ordinal));

        var group = inventory.Find("arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66")!;
        var rule = group.Configuration.GetProperty("IpPermissions")[0];
        Assert.Equal(("tcp", 22, "0.0.0.0/0"), (rule.GetProperty("IpProtocol").GetString(), rule.GetProperty("FromPort").GetInt32(), rule.GetProperty("IpRanges")[0].GetProperty("CidrIp").GetString()));
        Assert.Contains(new ResourceRelationship("Is contained in Vpc", "arn:aws:ec2:us-east-1:264683526309:vpc/vpc-0990dc6d"), group.Relationships);

        var instance = inventory.Find("arn:aws:ec2:us-east-1:681361479661:instance/i-03402838daac1d611")!;
        Assert.Equal("optional", instance.Configuration.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString());
        Assert.True(inventory.Find("arn:aws:ec2:us-east-1:264683526309:volume/vol-a416b170")!.Configuration.GetProperty("Encrypted").GetBoolean());

        // Delivery dialect: supplementary values as objects, the policy as text inside.
        var bucket = inventory.Find("arn:aws:s3:::mborch-test-bucket-config-item")!;
        Assert.Equal("934654633380", bucket.Account);
        Assert.Equal("Deny", bucket.Supplementary["BucketPolicy"].GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.Equal("Enabled", bucket.Supplementary["BucketVersioningConfiguration"].GetProperty("Status").GetString());
        Assert.Equal("FULL_CONTROL", bucket.Supplementary["AccessControlList"].GetProperty("Grants")[0].GetProperty("Permission").GetString());

        // API dialect with configuration as text and an ACL encoded twice.
        var sanity = inventory.Find("arn:aws:s3:::config-rule-sanity")!;
        Assert.Equal("config-rule-sanity", sanity.Configuration.GetProperty("Name").GetString());
        Assert.Equal("CanonicalUser", sanity.Supplementary["AccessControlList"].GetProperty("Grants")[0].GetProperty("Grantee").GetProperty("Type").GetString());
        Assert.False(sanity.Supplementary.ContainsKey("BucketPolicy"));
        Assert.Equal("Earth", sanity.Tags["Planet"]);

        var block = inventory.Find("Rampart::S3::AccountPublicAccessBlock/123456789012/global/123456789012")!;
        Assert.True(block.Configuration.GetProperty("BlockPublicAcls").GetBoolean());
        Assert.True(inventory.Find("arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail")!.Configuration.GetProperty("IsMultiRegionTrail").GetBoolean());
    }

    [SkippableFact]
    public void BothDialectsOfTheSameItemImportToTheSameResource()
    {
        foreach (var sample in (string[])["posture/config-items/custodian/s3.json", "posture/config-items/rdk-example-ci/AWS_S3_Bucket.json", "posture/config-items/rdk-example-ci/AWS_EC2_SecurityGroup.json"])
        {
            var path = Datasets.Require(sample);
            var original = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            using var files = new TempDirectory();
            var api = files.Write("api.json", ToApiDialect(original).ToJsonString());
            var delivery = files.Write("delivery.json", ToDeliveryDialect(original).ToJsonString());
            var bag = new DiagnosticBag();

            var fromApi = Assert.Single(new ConfigItemImporter().Import(api, bag));
            var fromDelivery = Assert.Single(new ConfigItemImporter().Import(delivery, bag));

            Assert.Empty(bag.ToImmutableArray());
            Assert.Equal((fromApi.Key, fromApi.Type, fromApi.Account, fromApi.Region, fromApi.Id), (fromDelivery.Key, fromDelivery.Type, fromDelivery.Account, fromDelivery.Region, fromDelivery.Id));
            Assert.Equal(CanonicalJson.ToText(fromApi.Configuration), CanonicalJson.ToText(fromDelivery.Configuration));
            Assert.Equal(fromApi.ContentHash, fromDelivery.ContentHash);
            Assert.Equal(fromApi.Provenance.CapturedAt, fromDelivery.Provenance.CapturedAt);
        }
    }

    [SkippableFact]
    public void ASecurityGroupFromConfigHasTheConfigurationTheApiDescribes()
    {
        // The same group, recorded by Cloud Custodian both from DescribeSecurityGroups and from Config's SelectResourceConfig.
        var folder = Datasets.Require("posture/custodian-placebo/test_security_group_config_source");
        var api = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ec2.DescribeSecurityGroups_1.json")))!["data"]!["SecurityGroups"]!.AsArray()
            .Single(g => (string?)g!["GroupId"] == "sg-6c7fa917")!;
        var config = JsonNode.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.SelectResourceConfig_1.json")))!["data"]!["Results"]![0]!.GetValue<string>())!["configuration"]!.AsObject();

        var normalised = ConfigNormalizer.Configuration("AWS::EC2::SecurityGroup", config);

        Assert.Equal(CanonicalJson.ToText(Rampart.Posture.Inventory.Importers.Json.ToElement(api)), CanonicalJson.ToText(Rampart.Posture.Inventory.Importers.Json.ToElement(normalised)));
    }

    [Fact]
    public void ConfigSpellingsBecomeTheApis()
    {
        var bucketEncryption = ConfigNormalizer.Supplementary("AWS::S3::Bucket", "ServerSideEncryptionConfiguration",
            JsonValue.Create("""{"rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyID":"k"},"bucketKeyEnabled":true}]}"""));
        Assert.Equal("""{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"k"},"BucketKeyEnabled":true}]}""", bucketEncryption!.ToJsonString());

        var acl = ConfigNormalizer.Supplementary("AWS::S3::Bucket", "AccessControlList",
            JsonNode.Parse("""{"grantList":[{"grantee":"AllUsers","permission":"Read"}],"owner":{"id":"o"}}"""));
        Assert.Equal("""{"Owner":{"ID":"o"},"Grants":[{"Grantee":{"Type":"Group","URI":"http://acs.amazonaws.com/groups/global/AllUsers"},"Permission":"READ"}]}""", acl!.ToJsonString());

        Assert.Equal("""{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"p/"}}""",
            ConfigNormalizer.Supplementary("AWS::S3::Bucket", "BucketLoggingConfiguration", JsonNode.Parse("""{"destinationBucketName":"logs","logFilePrefix":"p/"}"""))!.ToJsonString());
        Assert.Equal("""{"MFADelete":"Enabled","Status":"Enabled"}""".Length,
            ConfigNormalizer.Supplementary("AWS::S3::Bucket", "BucketVersioningConfiguration", JsonNode.Parse("""{"status":"Enabled","isMfaDeleteEnabled":true}"""))!.ToJsonString().Length);

        // Tag maps are data: their keys keep their case.
        var lambda = ConfigNormalizer.Configuration("AWS::Lambda::Function", JsonNode.Parse("""{"functionName":"f","tags":{"owner":"x"},"environment":{"variables":{"dbHost":"h"}}}""")!.AsObject());
        Assert.Equal("""{"FunctionName":"f","Tags":{"owner":"x"},"Environment":{"Variables":{"dbHost":"h"}}}""", lambda.ToJsonString());
    }

    [Fact]
    public void DeletedItemsAndScheduledNotificationsAreSkippedAndSaidSo()
    {
        using var files = new TempDirectory();
        var deleted = files.Write("deleted.json", """{"configurationItems": [{"resourceType": "AWS::EC2::Volume", "resourceId": "vol-1", "accountId": "111122223333", "awsRegion": "eu-west-1", "configurationItemStatus": "ResourceDeleted", "configuration": null}]}""");
        var bag = new DiagnosticBag();

        Assert.Empty(new ConfigItemImporter().Import(deleted, bag));
        Assert.Equal($"{deleted}:1:25: INV011: the item of AWS::EC2::Volume `vol-1` is `ResourceDeleted`; skipped.", Assert.Single(bag.ToImmutableArray()).ToString());
    }

    // The API's dialect: version, accountId, arn, configuration and supplementary values as JSON text.
    private static JsonObject ToApiDialect(JsonObject item)
    {
        var copy = Rename(item, ("configurationItemVersion", "version"), ("awsAccountId", "accountId"), ("ARN", "arn"), ("configurationStateMd5Hash", "configurationItemMD5Hash"));
        if (copy["configuration"] is JsonObject configuration)
            copy["configuration"] = configuration.ToJsonString();
        if (copy["supplementaryConfiguration"] is JsonObject supplementary)
        {
            foreach (var (name, value) in supplementary.ToList())
                supplementary[name] = value is null or JsonValue ? value?.DeepClone() : value.ToJsonString();
        }

        return copy;
    }

    // The delivery dialect: configurationItemVersion, awsAccountId, ARN, values as objects.
    private static JsonObject ToDeliveryDialect(JsonObject item)
    {
        var copy = Rename(item, ("version", "configurationItemVersion"), ("accountId", "awsAccountId"), ("arn", "ARN"), ("configurationItemMD5Hash", "configurationStateMd5Hash"));
        if (copy["configuration"] is JsonValue text)
            copy["configuration"] = JsonNode.Parse(text.GetValue<string>());
        if (copy["supplementaryConfiguration"] is JsonObject supplementary)
        {
            foreach (var (name, value) in supplementary.ToList())
                supplementary[name] = ConfigNormalizer.Decode(value);
        }

        return copy;
    }

    private static JsonObject Rename(JsonObject item, params (string From, string To)[] names)
    {
        var copy = (JsonObject)item.DeepClone();
        foreach (var (from, to) in names)
        {
            if (copy[from] is { } value)
            {
                copy.Remove(from);
                copy[to] = value;
            }
        }

        return copy;
    }
}
