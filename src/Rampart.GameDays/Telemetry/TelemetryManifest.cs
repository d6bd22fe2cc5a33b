using System.Collections.Immutable;

namespace Rampart.GameDays.Telemetry;

/// <summary>What the generator wrote, also saved as <c>manifest.json</c> in the output directory.</summary>
/// <param name="OutputDirectory">The full path of the output directory.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Start">The UTC start of the period.</param>
/// <param name="End">The UTC end of the period.</param>
/// <param name="AccountIds">The synthetic accounts.</param>
/// <param name="Regions">The regions.</param>
/// <param name="Sources">Totals per source type, in the order CloudTrail, VPC flow, Route 53 Resolver.</param>
/// <param name="Files">Every file written, in generation order.</param>
/// <param name="Attacks">The attacks mixed in, in time order.</param>
public sealed record TelemetryManifest(
    string OutputDirectory,
    long Seed,
    DateTimeOffset Start,
    DateTimeOffset End,
    ImmutableArray<string> AccountIds,
    ImmutableArray<string> Regions,
    ImmutableArray<SourceTotals> Sources,
    ImmutableArray<TelemetryFile> Files,
    ImmutableArray<InjectedAttack> Attacks)
{
    /// <summary>The name of the manifest file in the output directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Records written over all sources.</summary>
    public long TotalRecords => Sources.Sum(source => source.Records);

    /// <summary>Bytes on disk over all sources (the manifest excluded).</summary>
    public long TotalCompressedBytes => Sources.Sum(source => source.CompressedBytes);

    /// <summary>The totals of one source type, or null when it was not generated.</summary>
    public SourceTotals? For(string sourceType) => Sources.FirstOrDefault(source => source.SourceType == sourceType);
}
