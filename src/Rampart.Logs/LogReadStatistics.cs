using System.Globalization;

namespace Rampart.Logs;

/// <summary>
/// Counts of what readers read and skipped. Thread-safe: readers running in parallel add to one instance. Each
/// file's counts are added when the file has been read to its end or its reader is disposed.
/// </summary>
public sealed class LogReadStatistics
{
    private long _filesRead;
    private long _filesSkipped;
    private long _recordsRead;
    private long _recordsSkipped;
    private long _compressedBytes;
    private long _uncompressedBytes;

    /// <summary>Files whose content was read (even when some of their records were skipped).</summary>
    public long FilesRead => Interlocked.Read(ref _filesRead);

    /// <summary>Files not read: empty, of unknown format, unreadable, or CloudTrail digest and Insights files.</summary>
    public long FilesSkipped => Interlocked.Read(ref _filesSkipped);

    /// <summary>Records turned into events.</summary>
    public long RecordsRead => Interlocked.Read(ref _recordsRead);

    /// <summary>Records skipped with a diagnostic (and sent to the quarantine when there is one).</summary>
    public long RecordsSkipped => Interlocked.Read(ref _recordsSkipped);

    /// <summary>Bytes read from the files as stored (compressed when gzip).</summary>
    public long CompressedBytes => Interlocked.Read(ref _compressedBytes);

    /// <summary>Bytes after decompression (equal to <see cref="CompressedBytes"/> for plain files).</summary>
    public long UncompressedBytes => Interlocked.Read(ref _uncompressedBytes);

    /// <summary>One line for people: <c>12 files read, 1 skipped; 3,204 records read, 2 skipped; 1.2 MB (8.9 MB uncompressed)</c>.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0:N0} files read, {1:N0} skipped; {2:N0} records read, {3:N0} skipped; {4:N0} bytes ({5:N0} uncompressed)",
        FilesRead,
        FilesSkipped,
        RecordsRead,
        RecordsSkipped,
        CompressedBytes,
        UncompressedBytes);

    internal void AddFileRead() => Interlocked.Increment(ref _filesRead);

    internal void AddFileSkipped() => Interlocked.Increment(ref _filesSkipped);

    internal void Add(long recordsRead, long recordsSkipped, long compressedBytes, long uncompressedBytes)
    {
        if (recordsRead != 0)
            Interlocked.Add(ref _recordsRead, recordsRead);
        if (recordsSkipped != 0)
            Interlocked.Add(ref _recordsSkipped, recordsSkipped);
        if (compressedBytes != 0)
            Interlocked.Add(ref _compressedBytes, compressedBytes);
        if (uncompressedBytes != 0)
            Interlocked.Add(ref _uncompressedBytes, uncompressedBytes);
    }
}
