using System.Buffers;

namespace Rampart.Logs.Input;

/// <summary>
/// A window over the decompressed bytes of one file, in a pooled buffer that is refilled and, only when a record
/// needs it, grown up to a cap. Readers look at <see cref="Span"/>, <see cref="Consume"/> what they are done with,
/// and <see cref="Fill"/> when they need more. Tracks the line and column of the window's first byte.
/// </summary>
internal sealed class ByteInput : IDisposable
{
    /// <summary>The first buffer size: big enough that refills are rare next to decompression.</summary>
    internal const int InitialCapacity = 256 * 1024;

    private readonly Stream _stream;
    private readonly int _maxCapacity;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _lineStart;
    private bool _ended;

    public ByteInput(Stream stream, int maxRecordBytes)
    {
        _stream = stream;

        // A record always starts at the window's start, so a window of the record limit holds any record allowed.
        _maxCapacity = maxRecordBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialCapacity, _maxCapacity));
    }

    /// <summary>The bytes available and not yet consumed.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The same bytes as memory; valid until the next <see cref="Fill"/>.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(_start, _end - _start);

    /// <summary>How many bytes are available.</summary>
    public int Length => _end - _start;

    /// <summary>Whether the window already holds as many bytes as it may (the largest record allowed).</summary>
    public bool IsFull => _end - _start >= _maxCapacity;

    /// <summary>Whether the stream has ended (or failed): no <see cref="Fill"/> will add bytes.</summary>
    public bool IsEnded => _ended;

    /// <summary>Why reading failed (corrupt gzip, I/O error), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Whether the failure was corrupt compressed data rather than an I/O error.</summary>
    public bool FailureIsCorruptData { get; private set; }

    /// <summary>The 1-based line of the first available byte.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The 1-based column (in bytes) of the first available byte.</summary>
    public long Column => Offset - _lineStart + 1;

    /// <summary>The offset of the first available byte in the decompressed stream.</summary>
    public long Offset { get; private set; }

    /// <summary>Bytes read from the (decompressed) stream so far.</summary>
    public long TotalRead { get; private set; }

    /// <summary>Marks the first <paramref name="count"/> available bytes as done with.</summary>
    public void Consume(int count)
    {
        var consumed = _buffer.AsSpan(_start, count);
        var last = consumed.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            Line += consumed.Count((byte)'\n');
            _lineStart = Offset + last + 1;
        }

        _start += count;
        Offset += count;
    }

    /// <summary>
    /// Reads more bytes after the available ones. False when none could be added: the stream ended or failed
    /// (<see cref="IsEnded"/>), or the window is <see cref="IsFull"/>. Memory handed out before may move.
    /// </summary>
    public bool Fill()
    {
        if (_ended)
            return false;
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > 0 && Capacity - _end < Capacity / 2)
        {
            Compact();
        }

        if (_end >= Capacity && !Grow())
            return false;

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, Capacity - _end);
        }
        catch (InvalidDataException exception)
        {
            FailureIsCorruptData = true;
            return Fail(exception.Message);
        }
        catch (IOException exception)
        {
            return Fail(exception.Message);
        }

        if (read == 0)
        {
            _ended = true;
            return false;
        }

        _end += read;
        TotalRead += read;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    // The pool may hand out a larger array than asked for; the window never grows past the limit all the same.
    private int Capacity => Math.Min(_buffer.Length, _maxCapacity);

    private bool Fail(string reason)
    {
        Failure = reason;
        _ended = true;
        return false;
    }

    private void Compact()
    {
        var length = _end - _start;
        _buffer.AsSpan(_start, length).CopyTo(_buffer);
        _start = 0;
        _end = length;
    }

    private bool Grow()
    {
        if (_start > 0)
        {
            Compact();
            return true;
        }

        if (Capacity >= _maxCapacity)
            return false;
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxCapacity));
        _buffer.AsSpan(0, _end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
        return true;
    }
}
