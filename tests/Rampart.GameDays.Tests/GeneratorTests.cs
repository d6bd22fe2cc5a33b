using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Rampart.Core.Events;
using Rampart.GameDays.Telemetry;
using Rampart.Testing;

namespace Rampart.GameDays.Tests;

public sealed class GeneratorTests
{
    /// <summary>Collects reports synchronously; <see cref="Progress{T}"/> would post them to the thread pool.</summary>
    private sealed class CollectingProgress : IProgress<long>
    {
        public ConcurrentQueue<long> Values { get; } = new();

        public void Report(long value) => Values.Enqueue(value);
    }

    [Fact]
    public void ASmallSizeGeneratesQuickly()
    {
        using var directory = new TempDirectory();
        var clock = Stopwatch.StartNew();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Size = TelemetrySize.Records(10_000), MaxDegreeOfParallelism = 2 });
        clock.Stop();

        Assert.True(manifest.TotalRecords > 40_000);
        // About a second in a release build; the bound leaves room for a debug build on a busy shared machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
    }

    [Fact]
    public void ACompressedByteTargetForCloudTrailLandsNearTheRequestedSize()
    {
        using var directory = new TempDirectory();
        const long Target = 4_000_000;
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions
        {
            OutputDirectory = directory.Path,
            Size = TelemetrySize.CompressedBytes(Target),
            Sources = TelemetrySources.CloudTrail,
            IncludeAttacks = false,
            MaxDegreeOfParallelism = 2,
        });

        Assert.InRange(manifest.TotalCompressedBytes, Target * 0.85, Target * 1.15);
        Assert.Equal(manifest.TotalCompressedBytes, Directory.EnumerateFiles(directory.Path, "*.json.gz", SearchOption.AllDirectories).Sum(path => new FileInfo(path).Length));
    }

    [Fact]
    public void ACompressedByteTargetOverAllSourcesLandsNearTheRequestedSize()
    {
        using var directory = new TempDirectory();
        const long Target = 1_500_000;
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions
        {
            OutputDirectory = directory.Path,
            Duration = TimeSpan.FromHours(6),
            Size = TelemetrySize.CompressedBytes(Target),
        });

        Assert.InRange(manifest.TotalCompressedBytes, Target * 0.8, Target * 1.2);
    }

    [Fact]
    public void ProgressCountsRecordsUpToTheRequestedCount()
    {
        using var directory = new TempDirectory();
        var progress = new CollectingProgress();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(3000), MaxDegreeOfParallelism = 2 }, progress);

        Assert.Equal(manifest.Files.Length, progress.Values.Count);
        Assert.Equal(3000, progress.Values.Max());
        Assert.All(progress.Values, value => Assert.InRange(value, 0, 3000));
    }

    [Fact]
    public void ProgressCountsCompressedBytesForAByteTarget()
    {
        using var directory = new TempDirectory();
        var progress = new CollectingProgress();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.CompressedBytes(500_000) }, progress);

        Assert.Equal(manifest.TotalCompressedBytes, progress.Values.Max());
        Assert.Equal(progress.Values.Order(), progress.Values);
    }

    [Fact]
    public void ProgressInRecordsReachesTheCountEvenWithoutCloudTrail()
    {
        using var directory = new TempDirectory();
        var progress = new CollectingProgress();
        TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(2000), Sources = TelemetrySources.VpcFlow }, progress);

        Assert.Equal(2000, progress.Values.Max());
    }

    [Fact]
    public void OnlyTheSelectedSourcesAndTheirAttacksAreWritten()
    {
        using var directory = new TempDirectory();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(2000), Sources = TelemetrySources.CloudTrail | TelemetrySources.Route53Resolver });

        Assert.DoesNotContain(manifest.Files, file => file.SourceType == LogSourceTypes.VpcFlow);
        Assert.Null(manifest.For(LogSourceTypes.VpcFlow));
        Assert.Contains(manifest.Files, file => file.SourceType == LogSourceTypes.Route53Resolver);
        Assert.DoesNotContain(manifest.Attacks, attack => attack.SourceType == LogSourceTypes.VpcFlow);
        Assert.Contains(manifest.Attacks, attack => attack.SourceType == LogSourceTypes.Route53Resolver);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "AWSLogs", manifest.AccountIds[0], "vpcflowlogs")));
    }

    [Fact]
    public void ChoosingSourcesDoesNotMoveTheAttacksThatRemain()
    {
        using var all = new TempDirectory();
        using var some = new TempDirectory();
        var everything = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = all.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(1000) });
        var cloudTrail = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = some.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(1000), Sources = TelemetrySources.CloudTrail });

        foreach (var attack in cloudTrail.Attacks)
        {
            var same = everything.Attacks.Single(other => other.Name == attack.Name);
            Assert.Equal(same.Time, attack.Time);
            Assert.Equal(same.Account, attack.Account);
            Assert.Equal(same.Records.Select(record => record.EventId), attack.Records.Select(record => record.EventId));
        }
    }

    [Fact]
    public void WithoutAttacksTheCloudTrailRecordCountIsExactlyTheRequestedCount()
    {
        using var directory = new TempDirectory();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(3), Size = TelemetrySize.Records(4321), IncludeAttacks = false });

        Assert.Empty(manifest.Attacks);
        Assert.Equal(4321, manifest.For(LogSourceTypes.CloudTrail)!.Records);
    }

    [Fact]
    public void AFiveMinutePeriodStillHoldsEveryAttackInsideIt()
    {
        using var directory = new TempDirectory();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromMinutes(5), Size = TelemetrySize.Records(300) });

        Assert.Equal(19, manifest.Attacks.Length);
        Assert.All(manifest.Attacks.SelectMany(attack => attack.Records), record => Assert.InRange(record.Time, manifest.Start, manifest.End.AddSeconds(-1)));
        Assert.All(manifest.Files, file => Assert.Contains("20250303T0005Z", file.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalServicesLogToTheFirstRegionWhenUsEast1IsNotListed()
    {
        using var directory = new TempDirectory();
        var manifest = TelemetryGenerator.Generate(new TelemetryOptions
        {
            OutputDirectory = directory.Path,
            Duration = TimeSpan.FromHours(2),
            Size = TelemetrySize.Records(3000),
            Regions = ["eu-central-1", "ap-southeast-2"],
            Accounts = 12,
        });

        Assert.Equal(12, manifest.AccountIds.Length);
        var iam = manifest.Files.Where(file => file.SourceType == LogSourceTypes.CloudTrail)
            .SelectMany(file => TelemetryFiles.CloudTrailRecords(Path.Combine(directory.Path, file.Path)).Select(record => (file.Path, Record: record)))
            .Where(item => item.Record.GetProperty("eventSource").GetString() == "iam.amazonaws.com")
            .ToList();
        Assert.NotEmpty(iam);
        Assert.All(iam, item =>
        {
            Assert.Contains("/CloudTrail/eu-central-1/", item.Path, StringComparison.Ordinal);
            Assert.Equal("us-east-1", item.Record.GetProperty("awsRegion").GetString());
        });
        var custom = manifest.Files
            .Where(file => file.SourceType == LogSourceTypes.VpcFlow && file.Path.Contains("ap-southeast-2", StringComparison.Ordinal))
            .Select(file => TelemetryFiles.Lines(Path.Combine(directory.Path, file.Path)))
            .First(lines => lines[0].Contains("az-id", StringComparison.Ordinal));
        Assert.True(custom.Length > 1);
        Assert.All(custom.Skip(1).Where(line => !line.Contains("NODATA", StringComparison.Ordinal) && !line.Contains("SKIPDATA", StringComparison.Ordinal)), line => Assert.Contains(" apse2-az", line, StringComparison.Ordinal));
    }

    [Fact]
    public void ACancelledGenerationStops()
    {
        using var directory = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path }, cancellationToken: cancellation.Token));
        Assert.False(File.Exists(Path.Combine(directory.Path, TelemetryManifest.FileName)));
    }

    [Fact]
    public void WhenAFolderCannotBeCreatedTheIOExceptionReachesTheCaller()
    {
        using var directory = new TempDirectory();
        directory.Write("AWSLogs", "a file where the log folders should go");

        Assert.ThrowsAny<IOException>(() => TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(1), Size = TelemetrySize.Records(100), MaxDegreeOfParallelism = 2 }));
    }

    [Fact]
    public void TheManifestNamesEachAttacksExpectedRulesAsJson()
    {
        using var directory = new TempDirectory();
        TelemetryGenerator.Generate(new TelemetryOptions { OutputDirectory = directory.Path, Duration = TimeSpan.FromHours(1), Size = TelemetrySize.Records(500), Sources = TelemetrySources.CloudTrail });
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, TelemetryManifest.FileName)));
        var attack = document.RootElement.GetProperty("attacks").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "guardduty-detector-disabled");
        var rule = Assert.Single(attack.GetProperty("expectedRules").EnumerateArray());
        Assert.Equal("d2656e78-c069-4571-8220-9e0ab5913f19", rule.GetProperty("id").GetString());
        Assert.Equal("AWS GuardDuty Detector Deleted Or Updated", rule.GetProperty("title").GetString());
        Assert.Equal("cloudtrail", attack.GetProperty("sourceType").GetString());
        var record = attack.GetProperty("records")[0];
        Assert.Equal(["path", "index", "time", "eventId", "summary"], record.EnumerateObject().Select(property => property.Name));
    }
}
