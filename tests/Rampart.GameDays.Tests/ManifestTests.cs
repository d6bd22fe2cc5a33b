using System.Text.Json;
using Rampart.Core.Events;
using Rampart.GameDays.Telemetry;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class ManifestTests(GeneratedTelemetry generated)
{
    [Fact]
    public void FileSizesInTheManifestAreTheSizesOnDisk()
    {
        foreach (var file in generated.Manifest.Files)
            Assert.Equal(new FileInfo(generated.FullPath(file.Path)).Length, file.CompressedBytes);
    }

    [Fact]
    public void RecordCountsInTheManifestMatchTheFiles()
    {
        foreach (var file in generated.Manifest.Files)
        {
            var path = generated.FullPath(file.Path);
            var records = file.SourceType switch
            {
                LogSourceTypes.CloudTrail => TelemetryFiles.CloudTrailRecords(path).Count,
                LogSourceTypes.VpcFlow => TelemetryFiles.Lines(path).Length - 1,
                _ => TelemetryFiles.Lines(path).Length,
            };
            Assert.Equal(file.Records, records);
        }
    }

    [Fact]
    public void SourceTotalsAddUpTheFilesOfEachSource()
    {
        Assert.Equal([LogSourceTypes.CloudTrail, LogSourceTypes.VpcFlow, LogSourceTypes.Route53Resolver], generated.Manifest.Sources.Select(source => source.SourceType));
        foreach (var totals in generated.Manifest.Sources)
        {
            var files = generated.FilesOf(totals.SourceType).ToList();
            Assert.Equal(files.Count, totals.Files);
            Assert.Equal(files.Sum(file => file.Records), totals.Records);
            Assert.Equal(files.Sum(file => file.CompressedBytes), totals.CompressedBytes);
            Assert.Equal(files.Sum(file => TelemetryFiles.Gunzip(generated.FullPath(file.Path)).LongLength), totals.UncompressedBytes);
        }

        Assert.Equal(generated.Manifest.Sources.Sum(source => source.Records), generated.Manifest.TotalRecords);
    }

    [Fact]
    public void TheBaselineHasTheRequestedRecordCountAndAttacksComeOnTop()
    {
        var attackRecords = generated.Manifest.Attacks.Where(attack => attack.SourceType == LogSourceTypes.CloudTrail).Sum(attack => attack.Records.Length);
        Assert.Equal(6000 + attackRecords, generated.Manifest.For(LogSourceTypes.CloudTrail)!.Records);
        var flows = generated.Manifest.For(LogSourceTypes.VpcFlow)!.Records;
        Assert.InRange(flows, 6000 * 2 * 0.95, 6000 * 2 * 1.05 + 400);
    }

    [Fact]
    public void ManifestJsonIsWrittenAndReadsBackAsTheReturnedManifest()
    {
        var path = Path.Combine(generated.Root, TelemetryManifest.FileName);
        var text = File.ReadAllText(path);
        using (var document = JsonDocument.Parse(text))
        {
            Assert.True(document.RootElement.TryGetProperty("attacks", out var attacks));
            Assert.Equal(generated.Manifest.Attacks.Length, attacks.GetArrayLength());
            Assert.Equal("T1562.008", attacks.EnumerateArray().First(a => a.GetProperty("name").GetString() == "cloudtrail-stop-logging").GetProperty("techniqueId").GetString());
        }

        var read = ManifestJson.Read(path)!;
        Assert.Equal(JsonSerializer.Serialize(generated.Manifest, ManifestJson.Options), JsonSerializer.Serialize(read, ManifestJson.Options));
        // ImmutableArray equality is by reference; compare the items.
        Assert.Equal(generated.Manifest.Files.ToArray(), read.Files.ToArray());
    }

    [Fact]
    public void TheManifestDescribesThePeriodAccountsAndRegions()
    {
        Assert.Equal(generated.Options.Start, generated.Manifest.Start);
        Assert.Equal(generated.Options.End, generated.Manifest.End);
        Assert.Equal(3, generated.Manifest.AccountIds.Length);
        Assert.Equal(3, generated.Manifest.AccountIds.Distinct().Count());
        Assert.All(generated.Manifest.AccountIds, id => Assert.Matches(@"^[1-9]\d{11}$", id));
        Assert.Equal(["us-east-1", "eu-west-1"], generated.Manifest.Regions.ToArray());
        Assert.Equal(Path.GetFullPath(generated.Root), generated.Manifest.OutputDirectory);
    }
}
