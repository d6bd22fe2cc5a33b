using System.Buffers;

namespace Rampart.Logs.Input;

/// <summary>
/// The file as stored, read forward only: counts the bytes read, lets the first bytes be looked at before
/// deciding whether to gunzip (the input may not be seekable), and remembers the last eight bytes, where a gzip
/// trailer keeps the length of the data it compressed. Small reads (gzip asks for 8 KiB at a time) are served
/// from a pooled buffer filled <see cref="ChunkSize"/> bytes at a time, so that the file itself can be opened
/// unbuffered and no buffer is allocated per file.
/// </summary>
internal sealed class SourceStream : Stream
{
    /// <summary>How much is read from the underlying stream at once.</summary>
    internal const int ChunkSize = 64 * 1024;

    private const int TailLength = 8;
    private readonly Stream _inner;
    private readonly byte[] _tail = new byte[TailLength];
    private byte[]? _buffer;
    private int _bufferStart;
    private int _bufferEnd;
    private int _tailCount;

    public SourceStream(Stream inner) => _inner = inner;

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Whether the bytes after the first hold what looks like another gzip header (<c>1f 8b 08</c>): the file may
    /// be several gzip members one after the other, and the trailer then counts the last member only.
    /// </summary>
    public bool MayHoldSeveralGzipMembers { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads up to <paramref name="count"/> (at most <see cref="ChunkSize"/>) first bytes without consuming them; call before any read.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(ChunkSize);
        while (_bufferEnd < count)
        {
            var read = _inner.Read(_buffer, _bufferEnd, ChunkSize - _bufferEnd);
            if (read == 0)
                break;
            _bufferEnd += read;
        }

        return _buffer.AsSpan(0, Math.Min(count, _bufferEnd));
    }

    /// <summary>The ISIZE field of a gzip trailer (the uncompressed length modulo 2^32), when at least eight bytes were read.</summary>
    public bool TryGetGzipTrailerSize(out uint size)
    {
        size = 0;
        if (_tailCount < TailLength)
            return false;
        size = BitConverter.ToUInt32(_tail, 4);
        if (!BitConverter.IsLittleEndian)
            size = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(size);
        return true;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_bufferStart == _bufferEnd && buffer.Length >= ChunkSize)
        {
            read = _inner.Read(buffer);
        }
        else
        {
            if (_bufferStart == _bufferEnd)
            {
                _buffer ??= ArrayPool<byte>.Shared.Rent(ChunkSize);
                _bufferStart = 0;
                _bufferEnd = _inner.Read(_buffer, 0, ChunkSize);
            }

            read = Math.Min(buffer.Length, _bufferEnd - _bufferStart);
            _buffer.AsSpan(_bufferStart, read).CopyTo(buffer);
            _bufferStart += read;
        }

        Track(buffer[..read]);
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _bufferStart = _bufferEnd = 0;
        }

        base.Dispose(disposing);
    }

    private void Track(ReadOnlySpan<byte> read)
    {
        if (!MayHoldSeveralGzipMembers && read.Length > 0)
            LookForGzipHeader(read);
        BytesRead += read.Length;
        if (read.Length >= TailLength)
        {
            read[^TailLength..].CopyTo(_tail);
            _tailCount = TailLength;
            return;
        }

        // Fewer than eight new bytes: shift the old tail left and append.
        var keep = Math.Min(_tailCount, TailLength - read.Length);
        _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(keep));
        _tailCount = keep + read.Length;
    }

    // Looks for a gzip header anywhere but at the very start, where the first member's header is.
    private void LookForGzipHeader(ReadOnlySpan<byte> read)
    {
        ReadOnlySpan<byte> header = [0x1f, 0x8b, 0x08];
        if (_tailCount > 0)
        {
            // A header split between two reads: the last two bytes before this read, then its first two.
            Span<byte> seam = stackalloc byte[4];
            var carried = Math.Min(_tailCount, 2);
            _tail.AsSpan(_tailCount - carried, carried).CopyTo(seam);
            var added = Math.Min(read.Length, 2);
            read[..added].CopyTo(seam[carried..]);
            var index = seam[..(carried + added)].IndexOf(header);
            if (index >= 0 && BytesRead - carried + index > 0)
            {
                MayHoldSeveralGzipMembers = true;
                return;
            }
        }

        var at = read.IndexOf(header);
        if (at == 0 && BytesRead == 0)
        {
            var again = read[1..].IndexOf(header);
            at = again < 0 ? -1 : again + 1;
        }

        MayHoldSeveralGzipMembers = at >= 0;
    }
}
