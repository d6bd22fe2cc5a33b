using Rampart.Core.Diagnostics;
using Rampart.Logs.Quarantine;

namespace Rampart.Logs.Reading;

/// <summary>
/// What goes wrong in one file: reports diagnostics up to the per-file cap (then one summary for the rest),
/// sends skipped records to the quarantine, and counts records for the statistics.
/// </summary>
internal sealed class FileProblems
{
    private readonly string _path;
    private readonly LogReadContext _context;
    private readonly int _maxDiagnostics;
    private readonly int _maxRecordBytes;
    private int _reported;
    private int _suppressed;

    public FileProblems(string path, LogReadOptions options, LogReadContext context)
    {
        _path = path;
        _context = context;
        _maxDiagnostics = options.MaxDiagnosticsPerFile;
        _maxRecordBytes = options.MaxRecordBytes;
    }

    public string Path => _path;

    public long RecordsRead { get; set; }

    public long RecordsSkipped { get; private set; }

    /// <summary>Reports a problem, or counts it towards the summary once the cap is reached.</summary>
    public void Report(Diagnostic diagnostic)
    {
        if (_reported < _maxDiagnostics)
        {
            _reported++;
            _context.Diagnostics.Report(diagnostic);
        }
        else
        {
            _suppressed++;
        }
    }

    /// <summary>Reports a problem about the whole file, which the cap never hides.</summary>
    public void ReportAlways(Diagnostic diagnostic) => _context.Diagnostics.Report(diagnostic);

    /// <summary>Skips a record held in memory: counts it, reports it, quarantines it.</summary>
    public void Skip(Diagnostic diagnostic, ReadOnlySpan<byte> raw)
    {
        RecordsSkipped++;
        Report(diagnostic);
        _context.Quarantine?.Write(diagnostic, raw);
    }

    /// <summary>Skips a record too large for memory: counts and reports it now; its bytes go to the quarantine as they are read.</summary>
    public SkippedRecord BeginSkip(Diagnostic diagnostic)
    {
        RecordsSkipped++;
        Report(diagnostic);
        return new SkippedRecord(_context.Quarantine, diagnostic, _maxRecordBytes);
    }

    /// <summary>Reports the summary of unlisted problems and adds this file's counts to the statistics.</summary>
    public void Complete(long compressedBytes, long uncompressedBytes)
    {
        if (_suppressed > 0)
            _context.Diagnostics.Report(LogDiagnostics.MoreProblems(_path, _suppressed));
        _context.Statistics.Add(RecordsRead, RecordsSkipped, compressedBytes, uncompressedBytes);
        _suppressed = 0;
        RecordsRead = 0;
        RecordsSkipped = 0;
    }
}
