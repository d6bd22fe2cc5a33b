using Rampart.Core.Diagnostics;
using Rampart.Posture.Drift;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Inventory;

/// <summary>An AWS Config history taken as of an instant, in both dialects, and the drift between two instants.</summary>
public sealed class ConfigHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Dialects => ["delivered", "api"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void AsOfAnInstantEachResourceIsItsLastItemCapturedAtOrBeforeIt(string dialect)
    {
        var history = Write(dialect);

        var beforeBucket = At(history, ConfigHistoryFixture.Second.AddTicks(-1));
        var atBucket = At(history, ConfigHistoryFixture.Second);
        var afterDeletion = At(history, ConfigHistoryFixture.Third.AddDays(1));

        Assert.Equal([ConfigHistoryFixture.Group, ConfigHistoryFixture.Volume], beforeBucket.Resources.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal("10.0.0.0/8", Cidr(beforeBucket.Find(ConfigHistoryFixture.Group)!));
        Assert.Equal([ConfigHistoryFixture.Group, ConfigHistoryFixture.Volume, ConfigHistoryFixture.Bucket], atBucket.Resources.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal([ConfigHistoryFixture.Group, ConfigHistoryFixture.Bucket], afterDeletion.Resources.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal("0.0.0.0/0", Cidr(afterDeletion.Find(ConfigHistoryFixture.Group)!));
        Assert.Equal(ConfigHistoryFixture.Third, afterDeletion.Find(ConfigHistoryFixture.Group)!.Provenance.CapturedAt);
    }

    [Fact]
    public void BothDialectsGiveTheSameInventoryAtEveryInstant()
    {
        var delivered = Write("delivered");
        var api = Write("api");

        foreach (var instant in new[] { ConfigHistoryFixture.First, ConfigHistoryFixture.Second, ConfigHistoryFixture.Third })
        {
            var a = At(delivered, instant);
            var b = At(api, instant);
            Assert.Equal(a.Resources.Select(r => (r.Key, r.ContentHash, r.Provenance.CapturedAt)), b.Resources.Select(r => (r.Key, r.ContentHash, r.Provenance.CapturedAt)));
        }
    }

    [Fact]
    public void WithoutAnInstantTheLatestItemIsKeptAndADeletionEndsTheResource()
    {
        var history = Write("delivered");
        var bag = new DiagnosticBag();

        var latest = InventoryImporters.Import([history], bag);

        Assert.Equal([ConfigHistoryFixture.Group, ConfigHistoryFixture.Bucket], latest.Resources.Select(r => r.Key).Order(StringComparer.Ordinal));
        var deleted = Assert.Single(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.NotAResourceCode);
        Assert.Equal("the item of AWS::EC2::Volume `vol-0hist` is `ResourceDeleted`; skipped.", deleted.Message);
        Assert.Contains(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.SupersededCode && d.Message == $"`{ConfigHistoryFixture.Group}` has 2 configuration items; the one captured last is kept.");
    }

    [Fact]
    public void TheDriftBetweenTwoInstantsIsTheCreatedBucketTheDeletedVolumeAndTheOpenedRule()
    {
        var history = Write("api");
        var views = InventoryImporters.Import([history], [new InventoryImportOptions { AsOf = ConfigHistoryFixture.First }, new InventoryImportOptions { AsOf = ConfigHistoryFixture.Third }], new DiagnosticBag());

        var changes = DriftDetector.Compare(views[0].Resources, views[1].Resources);

        Assert.Equal(
            [(ChangeKind.Changed, ConfigHistoryFixture.Group), (ChangeKind.Deleted, ConfigHistoryFixture.Volume), (ChangeKind.Created, ConfigHistoryFixture.Bucket)],
            changes.Select(c => (c.Kind, c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal));
        var opened = changes.Single(c => c.Kind == ChangeKind.Changed).Fields;
        Assert.Contains(new FieldChange("/configuration/IpPermissions/0/IpRanges/0", "tcp 22-22 CidrIp=0.0.0.0/0", null, """{"CidrIp":"0.0.0.0/0"}"""), opened);
        Assert.Contains(new FieldChange("/configuration/IpPermissions/0/IpRanges/0", "tcp 22-22 CidrIp=10.0.0.0/8", """{"CidrIp":"10.0.0.0/8"}""", null), opened);
    }

    [Fact]
    public void AnInstantBeforeEveryItemGivesAnEmptyInventoryAndSaysWhenTheHistoryStarts()
    {
        var history = Write("delivered");
        var bag = new DiagnosticBag();

        var empty = InventoryImporters.Import([history], new InventoryImportOptions { AsOf = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero) }, bag);

        Assert.Equal(0, empty.Count);
        var diagnostic = Assert.Single(bag.ToImmutableArray());
        Assert.Equal((DiagnosticSeverity.Warning, InventoryDiagnostics.BeforeHistoryCode), (diagnostic.Severity, diagnostic.Code));
        Assert.Equal("no configuration item was captured at or before 2025-12-31T00:00:00Z; the first was captured at 2026-01-10T09:00:00Z, so the inventory is empty.", diagnostic.Message);
    }

    [Fact]
    public void AsOfAnInstantAnInputWithoutAHistoryIsTakenAsReadAndSaidSo()
    {
        _temp.Write("export/111122223333/eu-west-1/ec2-describe-security-groups.json", """{"SecurityGroups": [{"GroupId": "sg-9", "GroupName": "g", "VpcId": "vpc-1", "OwnerId": "111122223333", "IpPermissions": [], "IpPermissionsEgress": []}]}""");
        var bag = new DiagnosticBag();

        var inventory = InventoryImporters.Import([_temp.Combine("export")], new InventoryImportOptions { AsOf = ConfigHistoryFixture.First }, bag);

        Assert.Equal(1, inventory.Count);
        var diagnostic = Assert.Single(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.NoCaptureTimeCode);
        Assert.Equal("this cli-export input is one capture, not a history, so its state at 2026-01-10T09:00:00Z is unknown; it is taken as read.", diagnostic.Message);
    }

    [SkippableFact]
    public void ARealBucketRecordedFourTimesIsTakenAsItWasAtEachInstant()
    {
        // Cloud Custodian's Config samples hold four captures of the bucket testing-99, two as ISO text with an offset and
        // two as epoch seconds: 2017-08-11 09:43Z (website), 10:48Z (replication), 2017-08-12 04:02Z and 2017-08-13 09:44Z (lifecycle).
        var folder = Datasets.Require("posture/config-items/custodian");
        const string key = "arn:aws:s3:::testing-99";

        var times = new[] { "2017-08-11T10:00:00Z", "2017-08-11T11:00:00Z", "2017-08-12T12:00:00Z", "2017-08-14T00:00:00Z" }
            .Select(t => At(folder, DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).Find(key)!.Provenance)
            .Select(p => (Path.GetFileName(p.Source.Split('#')[0]), p.CapturedAt!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(
            [
                ("s3-website.json", "2017-08-11T09:43"), ("s3-rep-and-notify.json", "2017-08-11T10:48"),
                ("s3-lifecycle.json", "2017-08-12T04:02"), ("s3-lifecycle-and-predicate.json", "2017-08-13T09:44"),
            ],
            times);
        Assert.Null(At(folder, new DateTimeOffset(2017, 8, 11, 9, 0, 0, TimeSpan.Zero)).Find(key));
    }

    [SkippableFact]
    public void TheDocumentationsHistoryExampleHasNothingBeforeItsCapture()
    {
        var path = Datasets.Require("posture/config-items/aws-doc-config-history-example.json");
        var bag = new DiagnosticBag();

        var before = InventoryImporters.Import([path], new InventoryImportOptions { AsOf = new DateTimeOffset(2014, 3, 7, 23, 47, 8, TimeSpan.Zero) }, bag);
        var after = InventoryImporters.Import([path], new InventoryImportOptions { AsOf = new DateTimeOffset(2014, 3, 7, 23, 47, 9, TimeSpan.Zero) }, new DiagnosticBag());

        Assert.Equal((0, 1), (before.Count, after.Count));
        Assert.Contains(bag.ToImmutableArray(), d => d.Code == InventoryDiagnostics.BeforeHistoryCode && d.Message.Contains("the first was captured at 2014-03-07T23:47:08.918Z", StringComparison.Ordinal));
    }

    private string Write(string dialect) =>
        dialect == "api" ? ConfigHistoryFixture.WriteApi(_temp, "api") : ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

    private static ResourceInventory At(string path, DateTimeOffset instant) =>
        InventoryImporters.Import([path], new InventoryImportOptions { AsOf = instant }, new DiagnosticBag());

    private static string Cidr(CloudResource group) =>
        group.Configuration.GetProperty("IpPermissions")[0].GetProperty("IpRanges")[0].GetProperty("CidrIp").GetString()!;
}
