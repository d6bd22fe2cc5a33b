using System.IO.Compression;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Flow;
using Rampart.Logs.Input;
using Rampart.Logs.Sources;

namespace Rampart.Logs.Reading;

/// <summary>
/// Reads one file from start to end: gunzips it when its first bytes say gzip, detects its format, hands the
/// bytes to the matching record source, and at the end reports damage (corrupt or truncated gzip) and adds the
/// file's counts to the statistics.
/// </summary>
internal sealed class LogFileReader : IDisposable
{
    /// <summary>How far detection looks for the end of the first line.</summary>
    internal const int DetectionBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string _path;
    private readonly LogReadOptions _options;
    private readonly LogReadContext _context;
    private readonly FileProblems _problems;
    private SourceStream? _source;
    private Stream? _gzip;
    private ByteInput? _input;
    private IRecordSource? _records;
    private bool _started;
    private bool _finished;

    public LogFileReader(Stream stream, bool ownsStream, string path, LogReadOptions options, LogReadContext context)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _path = path;
        _options = options;
        _context = context;
        _problems = new FileProblems(path, options, context);
    }

    public LogEvent Current => _records?.Current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            if (!Start())
            {
                Finish(reportDamage: false);
                return false;
            }
        }

        if (_finished)
            return false;
        if (_records!.MoveNext())
            return true;
        Finish(reportDamage: true);
        return false;
    }

    public void Dispose()
    {
        if (_started)
            Finish(reportDamage: false);
        _records?.Dispose();
        _input?.Dispose();
        _gzip?.Dispose();
        _source?.Dispose();
        if (_ownsStream)
            _stream.Dispose();
    }

    private bool Start()
    {
        _source = new SourceStream(_stream);
        bool isGzip;
        try
        {
            isGzip = _source.Peek(2) is [0x1f, 0x8b];
        }
        catch (IOException exception)
        {
            return Skip(LogDiagnostics.CannotRead(_path, exception.Message));
        }

        if (isGzip)
            _gzip = new GZipStream(_source, CompressionMode.Decompress, leaveOpen: true);
        _input = new ByteInput(_gzip ?? _source, _options.MaxRecordBytes);

        // Look at the first line: enough to tell JSON from flow logs from anything else.
        while (_input.Span.IndexOf((byte)'\n') < 0 && _input.Length < DetectionBytes && _input.Fill())
        {
        }

        if (_input.Span.StartsWith("\uFEFF"u8))
            _input.Consume(3);
        var shape = FormatDetector.Detect(_input.Span);
        if (shape == InputShape.Empty)
            return _input.Failure is null ? Skip(LogDiagnostics.EmptyFile(_path)) : Skip(FailureDiagnostic(_input.Failure));

        var forced = _options.Format;
        switch (shape)
        {
            case InputShape.Json:
                var classifier = new JsonRecordClassifier(forced, FormatDetector.HintFromPath(_path));
                _records = new JsonRecordReader(_input, _problems, classifier, _options);
                break;
            case InputShape.FlowText when forced is LogFormat.Auto or LogFormat.VpcFlow:
            case InputShape.OtherText when forced is LogFormat.VpcFlow:
                _records = new FlowTextReader(_input, _problems, _options.MaxRecordBytes);
                break;
            case InputShape.FlowText or InputShape.OtherText when forced != LogFormat.Auto:
                return Skip(LogDiagnostics.FormatMismatch(_path, forced));
            default:
                var what = shape == InputShape.Binary ? "binary data" : "text that is neither JSON nor a VPC flow log";
                return Skip(LogDiagnostics.UnknownFormat(new SourceLocation(_path, 1, 1), what));
        }

        _context.Statistics.AddFileRead();
        return true;
    }

    // The trailer holds the length of the data its member compressed, modulo 2^32. With several members the
    // last one's length can only be at most the whole; a cut leaves compressed bytes there, nearly always larger.
    private static bool IsTruncated(uint trailerSize, long uncompressed, bool severalMembers) =>
        severalMembers ? trailerSize > (ulong)uncompressed : trailerSize != unchecked((uint)uncompressed);

    private bool Skip(Diagnostic reason)
    {
        _problems.ReportAlways(reason);
        _context.Statistics.AddFileSkipped();
        return false;
    }

    private Diagnostic FailureDiagnostic(string failure)
    {
        var location = new SourceLocation(_path, _input!.Line, _input.Column);
        return _input.FailureIsCorruptData ? LogDiagnostics.DecompressionFailed(location, failure) : LogDiagnostics.CannotRead(_path, failure);
    }

    private void Finish(bool reportDamage)
    {
        if (_finished)
            return;
        _finished = true;
        if (reportDamage && _input is not null)
        {
            if (_input.Failure is { } failure)
            {
                _problems.ReportAlways(FailureDiagnostic(failure));
            }
            else if (_gzip is not null && _source!.TryGetGzipTrailerSize(out var size) && IsTruncated(size, _input.TotalRead, _source.MayHoldSeveralGzipMembers))
            {
                // GZipStream ends quietly where a file was cut short; the trailer's length is how to notice.
                _problems.ReportAlways(LogDiagnostics.GzipTruncated(new SourceLocation(_path, _input.Line, _input.Column)));
            }
        }

        _problems.Complete(_source?.BytesRead ?? 0, _input?.TotalRead ?? 0);
    }
}
