using System.Runtime.InteropServices;
using Rampart.Detection.Correlation;
using Rampart.Hunting.Output;

namespace Rampart.Hunting;

/// <summary>
/// Hands hits to the writer in file order, whichever thread finds them first. The file at the head of
/// the order writes its hits as they are found, so they die young; a file further on holds its hits
/// until every file before it is done, and they are written the moment it reaches the head.
/// </summary>
internal sealed class OrderedOutput
{
    private readonly List<DetectionHit>?[] _held;
    private readonly bool[] _done;
    private readonly IHitWriter _writer;
    private readonly object _gate = new();
    private readonly Dictionary<HitRule, long> _counts = new(ReferenceEqualityComparer.Instance);
    private readonly CorrelationEngine? _correlations;
    private readonly Func<CorrelationMatch, DetectionHit> _toHit;
    private readonly List<CorrelationMatch> _fired = [];
    private int _next;

    public OrderedOutput(int files, IHitWriter writer, CorrelationEngine? correlations, Func<CorrelationMatch, DetectionHit> toHit)
    {
        _held = new List<DetectionHit>?[files];
        _done = new bool[files];
        _writer = writer;
        _correlations = correlations;
        _toHit = toHit;
    }

    /// <summary>Hits written per rule; read once every file is complete.</summary>
    public IReadOnlyDictionary<HitRule, long> Counts => _counts;

    /// <summary>Blocks until file <paramref name="index"/> is less than <paramref name="window"/> files ahead of the writer.</summary>
    public void WaitUntilWithin(int index, int window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (index - _next >= window && !cancellationToken.IsCancellationRequested)
                Monitor.Wait(_gate, 100);
        }
    }

    /// <summary>A hit of file <paramref name="index"/>, in the file's record order.</summary>
    public void Add(int index, DetectionHit hit)
    {
        lock (_gate)
        {
            // A hit written now may borrow the reader's buffer; one held for later keeps its own copy.
            if (index == _next)
                Write(hit);
            else
                (_held[index] ??= []).Add(hit.Detach());
        }
    }

    /// <summary>File <paramref name="index"/> has no more hits.</summary>
    public void Complete(int index)
    {
        lock (_gate)
        {
            _done[index] = true;
            while (_next < _done.Length && _done[_next])
            {
                _next++;
                if (_next < _held.Length && _held[_next] is { } held)
                {
                    foreach (var hit in held)
                        Write(hit);
                    _held[_next] = null;
                }

                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Every file is complete: judges the correlation windows still open.</summary>
    public void CompleteCorrelations()
    {
        if (_correlations is null)
            return;
        lock (_gate)
        {
            _correlations.Complete(_fired);
            WriteFired();
        }
    }

    // Hits reach this point in input order, so correlations see the same sequence whatever the thread count.
    private void Write(DetectionHit hit)
    {
        if (!hit.Silent)
            Emit(hit);
        if (hit.Observation is { } observation)
        {
            _correlations!.Add(observation, _fired);
            WriteFired();
        }
    }

    private void WriteFired()
    {
        foreach (var match in _fired)
            Emit(_toHit(match));
        _fired.Clear();
    }

    private void Emit(DetectionHit hit)
    {
        _writer.Write(hit);
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, hit.Rule, out _)++;
    }
}
