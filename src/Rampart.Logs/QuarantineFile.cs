using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Quarantine;

namespace Rampart.Logs;

/// <summary>
/// Keeps unreadable records as JSON lines, one per record:
/// <c>{"file":…,"line":…,"record":…,"code":…,"message":…,"raw":…}</c>, where <c>raw</c> is the record's text
/// verbatim, or <c>rawBase64</c> holds its bytes when they are not valid UTF-8 or when the record was too large
/// to hold in memory (it is then streamed in pieces). <c>line</c> and <c>record</c> are null when not known.
/// Thread-safe: readers running in parallel share one file.
/// </summary>
public sealed class QuarantineFile : IStreamingQuarantineSink, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The file is read by people and tools, never embedded in HTML: keep the text as it was.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly Lock _gate = new();
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _writer;
    private long _count;
    private bool _disposed;

    /// <summary>Creates (or replaces) the quarantine file at <paramref name="path"/>.</summary>
    public QuarantineFile(string path)
        : this(new FileStream(Guard.NotEmpty(path), FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), leaveOpen: false)
    {
    }

    /// <summary>Writes the quarantine to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="leaveOpen">Whether disposing the quarantine leaves the stream open.</param>
    public QuarantineFile(Stream stream, bool leaveOpen = false)
    {
        _stream = Guard.NotNull(stream);
        _leaveOpen = leaveOpen;
        _writer = new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>How many records were written.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public void Write(Diagnostic reason, ReadOnlySpan<byte> raw)
    {
        Guard.NotNull(reason);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            WriteStart(reason);
            if (Utf8.IsValid(raw))
                _writer.WriteString("raw", raw);
            else
                _writer.WriteBase64String("rawBase64", raw);
            WriteEnd();
        }
    }

    /// <summary>Writes what is buffered to the file.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _writer.Flush();
            _stream.Flush();
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _writer.Flush();
            _stream.Flush();
            _writer.Dispose();
            if (!_leaveOpen)
                _stream.Dispose();
        }
    }

    IQuarantineRecordStream IStreamingQuarantineSink.Begin(Diagnostic reason)
    {
        Guard.NotNull(reason);
        _gate.Enter();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            WriteStart(reason);
            _writer.WritePropertyName("rawBase64");
            return new RecordStream(this);
        }
        catch
        {
            _gate.Exit();
            throw;
        }
    }

    private void WriteStart(Diagnostic reason)
    {
        var location = reason.Location;
        _writer.WriteStartObject();
        _writer.WriteString("file", location.Path);
        WriteOptionalNumber("line", location.Line);
        WriteOptionalNumber("record", location.Record);
        _writer.WriteString("code", reason.Code);
        _writer.WriteString("message", reason.Message);
    }

    private void WriteOptionalNumber(string name, long value)
    {
        if (value > 0)
            _writer.WriteNumber(name, value);
        else
            _writer.WriteNull(name);
    }

    private void WriteEnd()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        _stream.WriteByte((byte)'\n');
        Interlocked.Increment(ref _count);
    }

    // Holds the file's lock from Begin to Dispose, which a reader does within one MoveNext on one thread.
    private sealed class RecordStream : IQuarantineRecordStream
    {
        private const int PieceBytes = 48 * 1024;

        private readonly QuarantineFile _owner;
        private bool _done;

        public RecordStream(QuarantineFile owner) => _owner = owner;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            // Small pieces, each handed to the stream at once, so that no buffer grows with the record.
            while (!bytes.IsEmpty)
            {
                var piece = bytes[..Math.Min(bytes.Length, PieceBytes)];
                _owner._writer.WriteBase64StringSegment(piece, isFinalSegment: false);
                _owner._writer.Flush();
                bytes = bytes[piece.Length..];
            }
        }

        public void Dispose()
        {
            if (_done)
                return;
            _done = true;
            try
            {
                _owner._writer.WriteBase64StringSegment([], isFinalSegment: true);
                _owner.WriteEnd();
            }
            finally
            {
                _owner._gate.Exit();
            }
        }
    }
}
