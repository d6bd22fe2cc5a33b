using Rampart.GameDays.Telemetry.Attacks;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>One file to write: where, what, how many baseline records, and the attack records it receives.</summary>
internal sealed class FilePlan
{
    public required SourceKind Source { get; init; }

    public required int AccountIndex { get; init; }

    public required int RegionIndex { get; init; }

    /// <summary>The VPC for flow and DNS files; 0 for CloudTrail.</summary>
    public int VpcIndex { get; init; }

    /// <summary>The delivery window, in Unix seconds: records fall in [start, end).</summary>
    public required long WindowStart { get; init; }

    public required long WindowEnd { get; init; }

    public required int BaselineRecords { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Relative to the output directory, with <c>/</c> separators.</summary>
    public required string RelativePath { get; init; }

    /// <summary>What the file adds to progress when the size is a record count.</summary>
    public long ProgressUnits { get; set; }

    public List<Injection> Injections { get; } = [];
}
