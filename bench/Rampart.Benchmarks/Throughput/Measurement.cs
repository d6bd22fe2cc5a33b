namespace Rampart.Benchmarks.Throughput;

/// <summary>One timed run in a child process.</summary>
/// <param name="Mode"><c>parse</c> or <c>hunt</c>.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Events">Records counted or events hunted.</param>
/// <param name="Hits">Hits found (hunt only).</param>
/// <param name="Seconds">Wall-clock seconds of the work, excluding start-up and rule compilation.</param>
/// <param name="PeakRssBytes">The child's peak resident set size.</param>
internal sealed record Measurement(string Mode, int Threads, long Events, long Hits, double Seconds, long PeakRssBytes)
{
    /// <summary>Bytes the child allocated in all, start-up and rule compilation included.</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Garbage collections the child ran.</summary>
    public int GarbageCollections { get; init; }

    /// <summary>Seconds the child's threads were paused for garbage collection.</summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>For a hunt, how many correlation rules the rule set held.</summary>
    public int Correlations { get; init; }

    public double EventsPerSecond => Events / Seconds;
}
