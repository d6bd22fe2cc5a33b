using System.Buffers;
using Rampart.Core.Events;

namespace Rampart.Hunting;

/// <summary>
/// The hits of one file that cannot be written yet, because an earlier file is still being read. The event bytes
/// they borrow from the reader are copied, once per event, into chunks rented from the shared pool rather than an
/// array per hit: a hunt on several threads holds about as many hits as it writes, and copying each into its own
/// array made the garbage collector stop every thread several times as often as a hunt on one.
/// </summary>
/// <remarks>
/// Held hits stay <see cref="DetectionHit.IsBorrowed"/>: their bytes are valid until they have been written, when
/// <see cref="Clear"/> returns the chunks. A writer that keeps hits keeps <see cref="DetectionHit.Detach"/>, as for
/// hits written straight from the reader.
/// </remarks>
internal sealed class HeldHits
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _chunks = [];

    // Events too large to share a chunk, each in an array of its own from the pool.
    private readonly List<byte[]> _large = [];
    private int _used = ChunkSize;
    private EventOrigin? _copiedOrigin;
    private ReadOnlyMemory<byte> _copied;

    public List<DetectionHit> Hits { get; } = [];

    public int Count => Hits.Count;

    /// <summary>Holds <paramref name="hit"/>, copying the event bytes it borrows (the hits of one event share one copy).</summary>
    public void Add(DetectionHit hit)
    {
        if (hit.IsBorrowed && !hit.EventJson.IsEmpty)
        {
            if (_copiedOrigin != hit.Origin || string.IsNullOrEmpty(hit.Origin.Path))
            {
                _copied = Copy(hit.EventJson.Span);
                _copiedOrigin = hit.Origin;
            }

            hit = hit with { EventJson = _copied };
        }

        Hits.Add(hit);
    }

    /// <summary>The hits have been written: forgets them and returns the chunks their bytes lay in.</summary>
    public void Clear()
    {
        Hits.Clear();
        foreach (var chunk in _chunks)
            ArrayPool<byte>.Shared.Return(chunk);
        foreach (var array in _large)
            ArrayPool<byte>.Shared.Return(array);
        _chunks.Clear();
        _large.Clear();
        _used = ChunkSize;
        _copiedOrigin = null;
        _copied = default;
    }

    private ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ChunkSize / 4)
        {
            var array = ArrayPool<byte>.Shared.Rent(bytes.Length);
            _large.Add(array);
            bytes.CopyTo(array);
            return array.AsMemory(0, bytes.Length);
        }

        if (_chunks.Count == 0 || _used + bytes.Length > ChunkSize)
        {
            _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            _used = 0;
        }

        var chunk = _chunks[^1];
        bytes.CopyTo(chunk.AsSpan(_used));
        var copy = chunk.AsMemory(_used, bytes.Length);
        _used += bytes.Length;
        return copy;
    }
}
