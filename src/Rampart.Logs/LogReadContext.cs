using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;

namespace Rampart.Logs;

/// <summary>
/// Where a read reports to: diagnostics, the quarantine for unreadable records, and the statistics. One context
/// may be shared by readers running in parallel; everything it holds is thread-safe.
/// </summary>
public sealed class LogReadContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="diagnostics">Receives every problem found in the input.</param>
    /// <param name="quarantine">Receives every skipped record verbatim; null to keep only the diagnostics.</param>
    /// <param name="statistics">Receives the counts; a fresh instance when null.</param>
    public LogReadContext(IDiagnosticSink diagnostics, IQuarantineSink? quarantine = null, LogReadStatistics? statistics = null)
    {
        Diagnostics = Guard.NotNull(diagnostics);
        Quarantine = quarantine;
        Statistics = statistics ?? new LogReadStatistics();
    }

    /// <summary>Receives every problem found in the input.</summary>
    public IDiagnosticSink Diagnostics { get; }

    /// <summary>Receives every skipped record verbatim, or null.</summary>
    public IQuarantineSink? Quarantine { get; }

    /// <summary>The counts of what was read and skipped.</summary>
    public LogReadStatistics Statistics { get; }
}
