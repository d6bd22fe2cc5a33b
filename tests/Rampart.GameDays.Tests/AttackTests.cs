using System.Text.Json;
using Rampart.Core.Events;
using Rampart.GameDays.Telemetry;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class AttackTests(GeneratedTelemetry generated)
{
    private static readonly string[] Catalogue =
    [
        "cloudtrail-stop-logging", "guardduty-detector-disabled", "console-login-without-mfa", "root-account-usage", "iam-backdoor-user",
        "iam-login-profile-backdoor", "s3-versioning-suspended", "ec2-user-data-modified", "ebs-snapshot-shared-publicly", "vpc-flow-logs-deleted",
        "config-recorder-stopped", "kms-key-material-imported", "secrets-mass-read", "security-group-opened-to-world", "vpc-port-scan",
        "ssh-brute-force", "dns-crypto-mining", "dns-tor-onion", "dns-dga-beaconing",
    ];

    private InjectedAttack Attack(string name) => Assert.Single(generated.Manifest.Attacks, attack => attack.Name == name);

    private JsonElement CloudTrailRecord(InjectedRecord injected) =>
        TelemetryFiles.CloudTrailRecords(generated.FullPath(injected.Path))[injected.Index];

    private string[] FlowRow(InjectedRecord injected, out string[] header)
    {
        var lines = TelemetryFiles.Lines(generated.FullPath(injected.Path));
        header = lines[0].Split(' ');
        return lines[injected.Index + 1].Split(' ');
    }

    private JsonElement DnsRecord(InjectedRecord injected) =>
        JsonDocument.Parse(TelemetryFiles.Lines(generated.FullPath(injected.Path))[injected.Index]).RootElement.Clone();

    [Fact]
    public void EveryAttackOfTheCatalogueIsInjectedOnceInTimeOrder()
    {
        Assert.Equal(Catalogue.Order(StringComparer.Ordinal), generated.Manifest.Attacks.Select(attack => attack.Name).Order(StringComparer.Ordinal));
        Assert.Equal(generated.Manifest.Attacks.OrderBy(attack => attack.Time).Select(attack => attack.Name), generated.Manifest.Attacks.Select(attack => attack.Name));
        foreach (var attack in generated.Manifest.Attacks)
        {
            Assert.Matches(@"^T\d{4}(\.\d{3})?$", attack.TechniqueId);
            Assert.NotEmpty(attack.Records);
            Assert.Equal(attack.Records[0].Time, attack.Time);
            Assert.InRange(attack.Time, generated.Manifest.Start, generated.Manifest.End);
            Assert.Contains(attack.Account, generated.Manifest.AccountIds);
            Assert.Contains(attack.Region, generated.Manifest.Regions);
            Assert.All(attack.Records, record => Assert.Equal(attack.SourceType, generated.Manifest.Files.Single(file => file.Path == record.Path).SourceType));
        }
    }

    [Fact]
    public void EveryInjectedCloudTrailRecordIsWhereTheManifestSays()
    {
        foreach (var attack in generated.Manifest.Attacks.Where(attack => attack.SourceType == LogSourceTypes.CloudTrail))
        {
            foreach (var injected in attack.Records)
            {
                var record = CloudTrailRecord(injected);
                Assert.Equal(injected.EventId, record.GetProperty("eventID").GetString());
                Assert.Equal(injected.Summary.Split(' ')[1], record.GetProperty("eventName").GetString());
                Assert.Equal(injected.Time, DateTimeOffset.Parse(record.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(attack.Account, record.GetProperty("recipientAccountId").GetString());
                Assert.Contains("/" + attack.Region + "/", injected.Path, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void StopLoggingAndDeleteTrailComeFromCloudTrailWithTheTrailName()
    {
        var records = Attack("cloudtrail-stop-logging").Records.Select(CloudTrailRecord).ToList();
        var stop = Assert.Single(records, record => record.GetProperty("eventName").GetString() == "StopLogging");
        Assert.Equal("cloudtrail.amazonaws.com", stop.GetProperty("eventSource").GetString());
        Assert.StartsWith("arn:aws:cloudtrail:", TelemetryFiles.Text(stop, "requestParameters.name"), StringComparison.Ordinal);
        Assert.False(stop.TryGetProperty("errorCode", out _));
        Assert.Contains(records, record => record.GetProperty("eventName").GetString() == "DeleteTrail");
        Assert.All(records, record => Assert.Equal(TelemetryFiles.Text(records[0], "userIdentity.arn"), TelemetryFiles.Text(record, "userIdentity.arn")));
    }

    [Fact]
    public void TheConsoleLoginSucceedsWithoutMfaAfterFailedPasswords()
    {
        var records = Attack("console-login-without-mfa").Records.Select(CloudTrailRecord).ToList();
        Assert.All(records, record =>
        {
            Assert.Equal("signin.amazonaws.com", record.GetProperty("eventSource").GetString());
            Assert.Equal("AwsConsoleSignIn", record.GetProperty("eventType").GetString());
            Assert.Equal("No", TelemetryFiles.Text(record, "additionalEventData.MFAUsed"));
            Assert.Equal("IAMUser", TelemetryFiles.Text(record, "userIdentity.type"));
        });
        Assert.Equal(3, records.Count(record => TelemetryFiles.Text(record, "errorMessage") == "Failed authentication"));
        Assert.Equal("Success", TelemetryFiles.Text(records[^1], "responseElements.ConsoleLogin"));
    }

    [Fact]
    public void TheBackdoorKeyIsCreatedForAnotherUserThanTheCaller()
    {
        var records = Attack("iam-backdoor-user").Records.Select(CloudTrailRecord).ToList();
        var keys = records.Where(record => record.GetProperty("eventName").GetString() == "CreateAccessKey").ToList();
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            var owner = TelemetryFiles.Text(key, "responseElements.accessKey.userName")!;
            Assert.Equal(owner, TelemetryFiles.Text(key, "requestParameters.userName"));
            Assert.DoesNotContain(owner, TelemetryFiles.Text(key, "userIdentity.arn"), StringComparison.Ordinal);
            Assert.Matches("^AKIA[A-Z2-7]{16}$", TelemetryFiles.Text(key, "responseElements.accessKey.accessKeyId"));
        }

        Assert.Contains(records, record => record.GetProperty("eventName").GetString() == "CreateUser");
    }

    [Fact]
    public void CloudTrailAttacksTouchTheFieldsTheirDetectionsRead()
    {
        Assert.Equal("Suspended", TelemetryFiles.Text(CloudTrailRecord(Attack("s3-versioning-suspended").Records[0]), "requestParameters.VersioningConfiguration.Status"));
        var userData = Attack("ec2-user-data-modified").Records.Select(CloudTrailRecord).Single(record => record.GetProperty("eventName").GetString() == "ModifyInstanceAttribute");
        Assert.Equal("userData", TelemetryFiles.Text(userData, "requestParameters.attribute"));
        var share = Attack("ebs-snapshot-shared-publicly").Records.Select(CloudTrailRecord).Single(record => record.GetProperty("eventName").GetString() == "ModifySnapshotAttribute");
        Assert.Equal("all", TelemetryFiles.Get(share, "requestParameters.createVolumePermission.add.items")!.Value[0].GetProperty("group").GetString());
        var detector = Attack("guardduty-detector-disabled").Records.Select(CloudTrailRecord).Single(record => record.GetProperty("eventName").GetString() == "UpdateDetector");
        Assert.Equal(JsonValueKind.False, TelemetryFiles.Get(detector, "requestParameters.enable")!.Value.ValueKind);
        var root = Attack("root-account-usage").Records.Select(CloudTrailRecord).ToList();
        Assert.All(root, record => Assert.Equal("Root", TelemetryFiles.Text(record, "userIdentity.type")));
        var import = Attack("kms-key-material-imported").Records.Select(CloudTrailRecord).Select(record => record.GetProperty("eventName").GetString()).ToList();
        Assert.Equal(["CreateKey", "GetParametersForImport", "ImportKeyMaterial", "ScheduleKeyDeletion"], import);
        var secrets = Attack("secrets-mass-read").Records.Select(CloudTrailRecord).Where(record => record.GetProperty("eventName").GetString() == "GetSecretValue").ToList();
        Assert.True(secrets.Count >= 20);
        Assert.True((secrets[^1].GetProperty("eventTime").GetDateTimeOffset() - secrets[0].GetProperty("eventTime").GetDateTimeOffset()) < TimeSpan.FromMinutes(3));
        Assert.Equal(secrets.Count, secrets.Select(record => TelemetryFiles.Text(record, "requestParameters.secretId")).Distinct().Count());
    }

    [Fact]
    public void ThePortScanIsOneSourceProbingHundredsOfPortsMostlyRejected()
    {
        var attack = Attack("vpc-port-scan");
        var rows = attack.Records.Select(record => (Fields: FlowRow(record, out var header), Header: header)).ToList();
        string Field((string[] Fields, string[] Header) row, string name) => row.Fields[Array.IndexOf(row.Header, name)];
        Assert.Single(rows.Select(row => Field(row, "srcaddr")).Distinct());
        Assert.Equal(attack.Actor, Field(rows[0], "srcaddr"));
        Assert.True(rows.Select(row => Field(row, "dstport")).Distinct().Count() >= 250);
        Assert.True(rows.Count(row => Field(row, "action") == "REJECT") > rows.Count * 0.9);
    }

    [Fact]
    public void TheBruteForceIsManyShortSshSessionsFromOneAddress()
    {
        var attack = Attack("ssh-brute-force");
        var rows = attack.Records.Select(record => (Fields: FlowRow(record, out var header), Header: header)).ToList();
        string Field((string[] Fields, string[] Header) row, string name) => row.Fields[Array.IndexOf(row.Header, name)];
        Assert.True(rows.Count >= 50);
        Assert.All(rows, row => Assert.Equal("22", Field(row, "dstport")));
        Assert.Single(rows.Select(row => Field(row, "srcaddr")).Distinct());
        Assert.True(rows.Select(row => Field(row, "srcport")).Distinct().Count() > rows.Count * 0.8);
    }

    [Fact]
    public void DnsAttacksResolveMiningPoolsOnionNamesAndGeneratedDomains()
    {
        var mining = Attack("dns-crypto-mining").Records.Select(DnsRecord).Select(record => record.GetProperty("query_name").GetString()).ToHashSet();
        Assert.Contains("pool.minexmr.com.", mining);
        Assert.Contains(mining, name => name!.StartsWith("xmr.pool.", StringComparison.Ordinal));
        var onion = Attack("dns-tor-onion").Records.Select(DnsRecord).ToList();
        Assert.All(onion, record => Assert.Matches(@"^[a-z2-7]{56}\.onion\.$", record.GetProperty("query_name").GetString()));
        var dga = Attack("dns-dga-beaconing").Records.Select(DnsRecord).ToList();
        Assert.True(dga.Count(record => record.GetProperty("rcode").GetString() == "NXDOMAIN") > dga.Count * 0.9);
        Assert.Equal(dga.Count, dga.Select(record => record.GetProperty("query_name").GetString()).Distinct().Count());
    }
}
