using System.Runtime.InteropServices;
using Rampart.Hunting.Output;

namespace Rampart.Hunting;

/// <summary>
/// Hands each file's hits to the writer in file order, whichever thread finishes first: a file's
/// hits wait until every file before it is written. Hits are rare, so the wait costs little memory.
/// </summary>
internal sealed class OrderedOutput
{
    private readonly IReadOnlyList<DetectionHit>?[] _pending;
    private readonly IHitWriter _writer;
    private readonly object _gate = new();
    private readonly Dictionary<HitRule, long> _counts = new(ReferenceEqualityComparer.Instance);
    private int _next;

    public OrderedOutput(int files, IHitWriter writer)
    {
        _pending = new IReadOnlyList<DetectionHit>?[files];
        _writer = writer;
    }

    /// <summary>Blocks until file <paramref name="index"/> is less than <paramref name="window"/> files ahead of the writer.</summary>
    public void WaitUntilWithin(int index, int window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (index - _next >= window && !cancellationToken.IsCancellationRequested)
                Monitor.Wait(_gate, 100);
        }
    }

    /// <summary>Hits written per rule; read once every file is complete.</summary>
    public IReadOnlyDictionary<HitRule, long> Counts => _counts;

    public void Complete(int index, IReadOnlyList<DetectionHit> hits)
    {
        lock (_gate)
        {
            _pending[index] = hits;
            while (_next < _pending.Length && _pending[_next] is { } ready)
            {
                foreach (var hit in ready)
                {
                    _writer.Write(hit);
                    CollectionsMarshal.GetValueRefOrAddDefault(_counts, hit.Rule, out _)++;
                }
                _pending[_next] = null;
                _next++;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
