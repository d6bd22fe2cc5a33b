using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core.Events;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class LayoutTests(GeneratedTelemetry generated)
{
    private static readonly Regex CloudTrailKey = new(
        @"^AWSLogs/(?<account>\d{12})/CloudTrail/(?<region>[a-z]{2}-[a-z]+-\d)/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/\k<account>_CloudTrail_\k<region>_(?<stamp>\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$");

    private static readonly Regex FlowKey = new(
        @"^AWSLogs/(?<account>\d{12})/vpcflowlogs/(?<region>[a-z]{2}-[a-z]+-\d)/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/\k<account>_vpcflowlogs_\k<region>_fl-[0-9a-f]{17}_(?<stamp>\d{8}T\d{4}Z)_[0-9a-f]{8}\.log\.gz$");

    private static readonly Regex ResolverKey = new(
        @"^AWSLogs/(?<account>\d{12})/vpcdnsquerylogs/(?<vpc>vpc-[0-9a-f]{17})/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/\k<vpc>_vpcdnsquerylogs_\k<account>_(?<stamp>\d{8}T\d{4}Z)_[0-9a-f]{8}\.log\.gz$");

    [Fact]
    public void EveryFileFollowsTheS3KeyLayoutOfItsSource()
    {
        foreach (var file in generated.Manifest.Files)
        {
            var pattern = file.SourceType switch
            {
                LogSourceTypes.CloudTrail => CloudTrailKey,
                LogSourceTypes.VpcFlow => FlowKey,
                _ => ResolverKey,
            };
            var match = pattern.Match(file.Path);
            Assert.True(match.Success, file.Path);
            Assert.Contains(match.Groups["account"].Value, generated.Manifest.AccountIds);
            var stamp = DateTime.ParseExact(match.Groups["stamp"].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
            Assert.Equal(stamp.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), match.Groups["y"].Value + "/" + match.Groups["m"].Value + "/" + match.Groups["d"].Value);
        }
    }

    [Fact]
    public void EveryAccountAndRegionGetsCloudTrailFiles()
    {
        var seen = generated.FilesOf(LogSourceTypes.CloudTrail)
            .Select(file => CloudTrailKey.Match(file.Path))
            .Select(match => (match.Groups["account"].Value, match.Groups["region"].Value))
            .ToHashSet();
        foreach (var account in generated.Manifest.AccountIds)
        {
            foreach (var region in generated.Manifest.Regions)
                Assert.Contains((account, region), seen);
        }
    }

    [Fact]
    public void FileStampsFallInsideTheGeneratedPeriodPlusOneDelivery()
    {
        var start = generated.Manifest.Start;
        var end = generated.Manifest.End.AddMinutes(5);
        foreach (var file in generated.Manifest.Files)
        {
            var stamp = Regex.Match(file.Path, @"_(\d{8}T\d{4}Z)_").Groups[1].Value;
            var time = DateTimeOffset.ParseExact(stamp, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.InRange(time, start, end);
        }
    }

    [Fact]
    public void TheDirectoryHoldsExactlyTheManifestFilesAndTheManifest()
    {
        var onDisk = Directory.EnumerateFiles(generated.Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(generated.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = generated.Manifest.Files.Select(file => file.Path).Append("manifest.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, onDisk);
    }
}
