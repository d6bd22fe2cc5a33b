using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Tests.Inventory;

/// <summary>
/// A deterministic inventory of realistic resources for benchmarks and check tests: security groups (some open to the
/// world on 22 or 3389, some IPv6, some all-traffic), buckets (with and without public access blocks, encryption,
/// versioning), instances (IMDSv1 and v2), volumes (encrypted or not), trails, and per-account settings, over a few
/// accounts and regions.
/// </summary>
internal static class SyntheticInventory
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    public static Rampart.Posture.Inventory.ResourceInventory Generate(int resources, int seed)
    {
        var random = new Random(seed);
        var list = new List<CloudResource>(resources);
        var accounts = Enumerable.Range(0, Math.Max(1, resources / 5000)).Select(i => (111122220000L + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var account in accounts)
        {
            if (list.Count >= resources)
                break;
            list.Add(Make(ResourceTypes.PasswordPolicy, account, "global", "password-policy",
                $$"""{"Exists": true, "MinimumPasswordLength": {{random.Next(6, 20)}}, "RequireSymbols": {{Bool(random)}}, "MaxPasswordAge": {{random.Next(30, 365)}}}"""));
        }

        for (var i = 0; list.Count < resources; i++)
        {
            var account = accounts[random.Next(accounts.Length)];
            var region = Regions[random.Next(Regions.Length)];
            var n = i.ToString("x8", CultureInfo.InvariantCulture);
            list.Add((random.Next(10)) switch
            {
                0 or 1 or 2 => SecurityGroup(random, account, region, "sg-" + n),
                3 or 4 => Make("AWS::S3::Bucket", account, region, "bucket-" + n, $$"""{"Name": "bucket-{{n}}", "CreationDate": "2023-01-01T00:00:00+00:00"}""",
                    ("PublicAccessBlockConfiguration", $$"""{"BlockPublicAcls": {{Bool(random)}}, "IgnorePublicAcls": true, "BlockPublicPolicy": {{Bool(random)}}, "RestrictPublicBuckets": true}"""),
                    ("BucketVersioningConfiguration", random.Next(2) == 0 ? "{}" : """{"Status": "Enabled", "MFADelete": "Disabled"}""")),
                5 or 6 => Make("AWS::EC2::Instance", account, region, "i-" + n,
                    $$"""{"InstanceId": "i-{{n}}", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"}, "MetadataOptions": {"HttpTokens": "{{(random.Next(3) == 0 ? "optional" : "required")}}", "HttpEndpoint": "enabled"}, "SecurityGroups": [{"GroupId": "sg-{{n}}"}]}"""),
                7 or 8 => Make("AWS::EC2::Volume", account, region, "vol-" + n, $$"""{"VolumeId": "vol-{{n}}", "Size": {{random.Next(8, 500)}}, "Encrypted": {{Bool(random)}}, "State": "in-use"}"""),
                _ => Make("AWS::CloudTrail::Trail", account, region, "trail-" + n,
                    $$"""{"Name": "trail-{{n}}", "HomeRegion": "{{region}}", "IsMultiRegionTrail": {{Bool(random)}}, "LogFileValidationEnabled": {{Bool(random)}}, "S3BucketName": "logs-{{account}}"}""",
                    ("TrailStatus", $$"""{"IsLogging": {{Bool(random)}}}""")),
            });
        }

        return Rampart.Posture.Inventory.ResourceInventory.Create(list, ["synthetic:" + seed.ToString(CultureInfo.InvariantCulture)], NullDiagnosticSink.Instance);
    }

    private static CloudResource SecurityGroup(Random random, string account, string region, string id)
    {
        var (from, to) = random.Next(6) switch
        {
            0 => (22, 22),
            1 => (3389, 3389),
            2 => (0, 65535),
            _ => (443, 443),
        };
        var cidr = random.Next(4) == 0 ? "0.0.0.0/0" : "10.0.0.0/8";
        var v6 = random.Next(8) == 0 ? """[{"CidrIpv6": "::/0"}]""" : "[]";
        var protocol = random.Next(10) == 0 ? "\"-1\"" : "\"tcp\"";
        return Make("AWS::EC2::SecurityGroup", account, region, id,
            $$"""{"GroupId": "{{id}}", "GroupName": "{{(random.Next(10) == 0 ? "default" : "app-" + id)}}", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": {{protocol}}, "FromPort": {{from}}, "ToPort": {{to}}, "IpRanges": [{"CidrIp": "{{cidr}}"}], "Ipv6Ranges": {{v6}}, "PrefixListIds": [], "UserIdGroupPairs": []}], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]}""");
    }

    private static string Bool(Random random) => random.Next(2) == 0 ? "true" : "false";

    private static CloudResource Make(string type, string account, string region, string id, string configuration, params (string Name, string Json)[] supplementary) => new()
    {
        Key = ResourceKeys.For(type, account, region, id),
        Type = type,
        Account = account,
        Region = type == ResourceTypes.PasswordPolicy ? "global" : region,
        Id = id,
        Configuration = JsonDocument.Parse(configuration).RootElement.Clone(),
        Supplementary = supplementary.ToImmutableSortedDictionary(s => s.Name, s => JsonDocument.Parse(s.Json).RootElement.Clone(), StringComparer.Ordinal),
        Provenance = new ResourceProvenance("synthetic", "synthetic", null),
    };
}
