using System.Collections.Immutable;

namespace Rampart.Hunting;

/// <summary>What a hunt read and found.</summary>
public sealed record HuntSummary
{
    /// <summary>Files read.</summary>
    public required int Files { get; init; }

    /// <summary>Files skipped without opening because their S3 key lies outside the filters.</summary>
    public required int FilesFiltered { get; init; }

    /// <summary>Events read.</summary>
    public required long Events { get; init; }

    /// <summary>Events left out by <c>--since</c>, <c>--until</c>, <c>--account</c>, <c>--region</c>.</summary>
    public required long EventsFiltered { get; init; }

    /// <summary>Records that could not be read (each reported and quarantined).</summary>
    public required long RecordsSkipped { get; init; }

    /// <summary>Bytes of input files read.</summary>
    public required long Bytes { get; init; }

    /// <summary>Hits in all.</summary>
    public required long Hits { get; init; }

    /// <summary>Hits per rule, most first.</summary>
    public required ImmutableArray<RuleHitCount> HitsByRule { get; init; }

    /// <summary>Wall-clock time of the hunt.</summary>
    public required TimeSpan Elapsed { get; init; }
}
