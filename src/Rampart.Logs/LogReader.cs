using Rampart.Core;
using Rampart.Core.Events;
using Rampart.Logs.Reading;

namespace Rampart.Logs;

/// <summary>
/// Reads log files into <see cref="LogEvent"/>s, streaming with bounded memory. The format is detected per file
/// (gzip by its magic bytes, then JSON or flow log text by the first bytes, then each JSON record by its shape)
/// unless <see cref="LogReadOptions.Format"/> says otherwise. Bad input never throws: each problem is a
/// diagnostic, each skipped record goes to the quarantine, and the rest of the file is still read.
/// </summary>
/// <remarks>
/// An event is only valid until the enumerator moves to the next one: the reader reuses the memory behind it (an
/// event used after that throws <see cref="InvalidOperationException"/>). Copy what you keep with
/// <see cref="LogEvent.Summarize"/>, <see cref="LogEvent.ToUtf8Json"/> or <see cref="LogEvent.WriteTo"/>. One enumeration
/// is single-threaded; read different files on different threads, sharing one <see cref="LogReadContext"/>.
/// </remarks>
public static class LogReader
{
    /// <summary>Reads the file at <paramref name="path"/>. CloudTrail digest and Insights files are skipped with an Info diagnostic.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Format and limits.</param>
    /// <param name="context">Where diagnostics, skipped records and counts go.</param>
    /// <returns>The events, read lazily as the enumeration advances.</returns>
    public static IEnumerable<LogEvent> ReadFile(string path, LogReadOptions options, LogReadContext context)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(options);
        Guard.NotNull(context);
        options.Validate();
        return ReadFileCore(path, options, context);
    }

    /// <summary>Reads <paramref name="stream"/> (gzip or plain), which the caller owns and disposes.</summary>
    /// <param name="stream">The content, read forward only.</param>
    /// <param name="displayPath">The path diagnostics and events name (an S3 key, a file name); also a format hint.</param>
    /// <param name="options">Format and limits.</param>
    /// <param name="context">Where diagnostics, skipped records and counts go.</param>
    /// <returns>The events, read lazily as the enumeration advances.</returns>
    public static IEnumerable<LogEvent> Read(Stream stream, string displayPath, LogReadOptions options, LogReadContext context)
    {
        Guard.NotNull(stream);
        Guard.NotEmpty(displayPath);
        Guard.NotNull(options);
        Guard.NotNull(context);
        options.Validate();
        return ReadCore(stream, ownsStream: false, displayPath, options, context);
    }

    private static IEnumerable<LogEvent> ReadFileCore(string path, LogReadOptions options, LogReadContext context)
    {
        if (CloudTrailFileNames.Classify(path) is { } skipped)
        {
            context.Diagnostics.Report(skipped == CloudTrailFileKind.Digest ? LogDiagnostics.SkippedDigestFile(path) : LogDiagnostics.SkippedInsightsFile(path));
            context.Statistics.AddFileSkipped();
            yield break;
        }

        // Opened on the first MoveNext, so that an enumerable never enumerated holds no file.
        var stream = TryOpen(path, context);
        if (stream is null)
            yield break;
        using var reader = new LogFileReader(stream, ownsStream: true, path, options, context);
        while (reader.MoveNext())
            yield return reader.Current;
    }

    private static FileStream? TryOpen(string path, LogReadContext context)
    {
        try
        {
            // Unbuffered: SourceStream reads it in large chunks into a pooled buffer, so no buffer is allocated per file.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Report(LogDiagnostics.CannotRead(path, exception.Message));
            context.Statistics.AddFileSkipped();
            return null;
        }
    }

    private static IEnumerable<LogEvent> ReadCore(Stream stream, bool ownsStream, string path, LogReadOptions options, LogReadContext context)
    {
        using var reader = new LogFileReader(stream, ownsStream, path, options, context);
        while (reader.MoveNext())
            yield return reader.Current;
    }
}
