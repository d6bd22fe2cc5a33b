using System.Collections.Immutable;
using Rampart.Logs;

namespace Rampart.Hunting;

/// <summary>What to hunt through, and which events to keep.</summary>
public sealed record HuntOptions
{
    /// <summary>Files and directories to read.</summary>
    public required ImmutableArray<string> Inputs { get; init; }

    /// <summary>Files read at once; defaults to the number of cores. From 1 to 512.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Only events at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events of these accounts (empty: all).</summary>
    public ImmutableHashSet<string> Accounts { get; init; } = [];

    /// <summary>Only events of these regions (empty: all).</summary>
    public ImmutableHashSet<string> Regions { get; init; } = [];

    /// <summary>How records are read (format override, limits).</summary>
    public LogReadOptions Read { get; init; } = new();

    /// <summary>How far behind the latest event time a match may arrive and still count in correlation windows.</summary>
    public TimeSpan Lateness { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The file that keeps <c>new_value</c> baselines between hunts: read before, written (atomically) after. Null keeps
    /// baselines for this hunt only.
    /// </summary>
    public string? BaselineFile { get; init; }

    /// <summary>Finds countries and network owners for baselines that learn them; null when no GeoIP database is configured.</summary>
    public Rampart.Detection.Correlation.IAddressLocator? Locator { get; init; }

    internal bool FiltersEvents => Since is not null || Until is not null || !Accounts.IsEmpty || !Regions.IsEmpty;
}
