using Rampart.GameDays.Telemetry;

namespace Rampart.GameDays.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void DefaultOptionsWithAnOutputDirectoryAreValid()
    {
        Assert.Empty(new TelemetryOptions { OutputDirectory = "out" }.Validate());
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceWithItsOptionAndCode()
    {
        var options = new TelemetryOptions
        {
            Duration = TimeSpan.FromMinutes(1),
            Start = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero),
            Size = TelemetrySize.Records(0),
            Accounts = 51,
            Regions = ["us-east-1", "moon-base-1", "us-east-1"],
            Sources = TelemetrySources.None,
            MaxDegreeOfParallelism = 0,
        };

        var problems = options.Validate().Select(problem => problem.ToString()).ToList();

        Assert.Equal(
            [
                "OutputDirectory: GEN001: an output directory is required",
                "Duration: GEN002: duration 00:01:00 is outside 00:05:00 to 31.00:00:00",
                "Start: GEN010: start 1999-12-31T00:00:00.0000000+00:00 is outside the years 2000 to 2100",
                "Size: GEN003: size 0 records is outside 1 to 10000000000",
                "Accounts: GEN004: 51 accounts is outside 1 to 50",
                "Regions: GEN006: `moon-base-1` is not an AWS region code such as `us-east-1`",
                "Regions: GEN007: region `us-east-1` is listed twice",
                "Sources: GEN008: select at least one source: cloudtrail, vpcflow or route53_resolver",
                "MaxDegreeOfParallelism: GEN009: parallelism 0 is outside 1 to 64",
            ],
            problems);
    }

    [Fact]
    public void TooManyRegionsAndAnOversizedByteTargetAreReported()
    {
        var options = new TelemetryOptions
        {
            OutputDirectory = "out",
            Regions = [.. Enumerable.Range(1, 21).Select(i => "us-east-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Size = TelemetrySize.CompressedBytes(TelemetryOptions.MaxCompressedBytes + 1),
        };

        Assert.Equal([TelemetryDiagnostics.SizeOutOfRange, TelemetryDiagnostics.RegionCount], options.Validate().Select(problem => problem.Code));
    }

    [Fact]
    public void GenerateRefusesInvalidOptionsListingEveryProblem()
    {
        var options = new TelemetryOptions { Accounts = 0 };

        var error = Assert.Throws<ArgumentException>(() => TelemetryGenerator.Generate(options));

        Assert.Contains("GEN001", error.Message, StringComparison.Ordinal);
        Assert.Contains("GEN004", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEndIsTheUtcStartPlusTheDuration()
    {
        var options = new TelemetryOptions { Start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)), Duration = TimeSpan.FromHours(3) };

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 13, 0, 0, TimeSpan.Zero), options.End);
    }
}
