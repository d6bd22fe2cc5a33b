using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;

namespace Rampart.GameDays.Telemetry;

/// <summary>
/// What <see cref="TelemetryGenerator.Generate"/> writes. Every property has a default, so
/// <c>new TelemetryOptions { OutputDirectory = "out" }</c> is a complete request. The same options (seed
/// included) always produce byte-identical files.
/// </summary>
public sealed partial record TelemetryOptions
{
    /// <summary>The default seed.</summary>
    public const long DefaultSeed = 20250303;

    /// <summary>Most accounts the synthetic organisation can have.</summary>
    public const int MaxAccounts = 50;

    /// <summary>Most regions.</summary>
    public const int MaxRegions = 20;

    /// <summary>Most parallel writers.</summary>
    public const int MaxParallelism = 64;

    /// <summary>Largest record target: ten billion CloudTrail records (about 12 TB uncompressed).</summary>
    public const long MaxRecords = 10_000_000_000;

    /// <summary>Largest byte target: 1 TiB.</summary>
    public const long MaxCompressedBytes = 1L << 40;

    /// <summary>Shortest period: five minutes, one delivery interval.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);

    /// <summary>Longest period: 31 days.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>The default start, a Monday at midnight UTC; hosts pass a start derived from their clock instead.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The directory to write under (created when missing); files are written below <c>AWSLogs/</c> plus <c>manifest.json</c>. Required.</summary>
    public string OutputDirectory { get; init; } = "";

    /// <summary>The seed of every random choice. Default <see cref="DefaultSeed"/>.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>The first moment covered (converted to UTC). Default <see cref="DefaultStart"/>. The generator never reads a clock.</summary>
    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>The period covered, from <see cref="MinDuration"/> to <see cref="MaxDuration"/>. Default one day.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How much to write. Default 50,000 CloudTrail records.</summary>
    public TelemetrySize Size { get; init; } = TelemetrySize.Records(50_000);

    /// <summary>Which log sources to write. Default all.</summary>
    public TelemetrySources Sources { get; init; } = TelemetrySources.All;

    /// <summary>Number of AWS accounts, 1 to <see cref="MaxAccounts"/>. Default 3.</summary>
    public int Accounts { get; init; } = 3;

    /// <summary>Region codes, 1 to <see cref="MaxRegions"/>. Global services log to <c>us-east-1</c> when listed, else to the first. Default us-east-1 and eu-west-1.</summary>
    public ImmutableArray<string> Regions { get; init; } = ["us-east-1", "eu-west-1"];

    /// <summary>Whether to mix the attack catalogue into the baseline. Default true.</summary>
    public bool IncludeAttacks { get; init; } = true;

    /// <summary>Files written at once, 1 to <see cref="MaxParallelism"/>. Default 1. Output is identical whatever the value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>The UTC end of the period.</summary>
    public DateTimeOffset End => Start.ToUniversalTime() + Duration;

    /// <summary>Every problem with these options, each naming the option; empty when they are usable.</summary>
    public ImmutableArray<Diagnostic> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.MissingOutputDirectory, nameof(OutputDirectory), "an output directory is required"));
        if (Duration < MinDuration || Duration > MaxDuration)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.DurationOutOfRange, nameof(Duration), TelemetryDiagnostics.Format("duration {0} is outside {1} to {2}", Duration, MinDuration, MaxDuration)));
        var start = Start.ToUniversalTime();
        if (start.Year < 2000 || start.Year > 2100)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.StartOutOfRange, nameof(Start), TelemetryDiagnostics.Format("start {0:O} is outside the years 2000 to 2100", start)));
        var maxSize = Size.Unit == TelemetrySizeUnit.Records ? MaxRecords : MaxCompressedBytes;
        if (Size.Value < 1 || Size.Value > maxSize || !Enum.IsDefined(Size.Unit))
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.SizeOutOfRange, nameof(Size), TelemetryDiagnostics.Format("size {0} is outside 1 to {1}", Size, maxSize)));
        if (Accounts < 1 || Accounts > MaxAccounts)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.AccountsOutOfRange, nameof(Accounts), TelemetryDiagnostics.Format("{0} accounts is outside 1 to {1}", Accounts, MaxAccounts)));
        var regions = Regions.IsDefault ? [] : Regions;
        if (regions.Length < 1 || regions.Length > MaxRegions)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.RegionCount, nameof(Regions), TelemetryDiagnostics.Format("{0} regions is outside 1 to {1}", regions.Length, MaxRegions)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            if (region is null || !RegionPattern().IsMatch(region))
                problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.InvalidRegion, nameof(Regions), TelemetryDiagnostics.Format("`{0}` is not an AWS region code such as `us-east-1`", region ?? "")));
            else if (!seen.Add(region))
                problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.DuplicateRegion, nameof(Regions), TelemetryDiagnostics.Format("region `{0}` is listed twice", region)));
        }

        if ((Sources & TelemetrySources.All) == TelemetrySources.None)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.NoSources, nameof(Sources), "select at least one source: cloudtrail, vpcflow or route53_resolver"));
        if (MaxDegreeOfParallelism < 1 || MaxDegreeOfParallelism > MaxParallelism)
            problems.Add(TelemetryDiagnostics.Error(TelemetryDiagnostics.ParallelismOutOfRange, nameof(MaxDegreeOfParallelism), TelemetryDiagnostics.Format("parallelism {0} is outside 1 to {1}", MaxDegreeOfParallelism, MaxParallelism)));
        return problems.ToImmutable();
    }

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
