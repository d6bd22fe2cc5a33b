using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;
using Rampart.Hunting.Output;

namespace Rampart.Hunting;

/// <summary>
/// Hands hits to the writer in file order, whichever thread finds them first. The thread of the file at the
/// head of the order writes its hits as they are found, without a lock: no other thread writes until that file
/// is complete. A file further on keeps its hits in its thread's own list until it reaches the head (its thread
/// then writes them first) or is complete (they are then written when it reaches the head). Only completing a
/// file takes the lock.
/// </summary>
internal sealed class OrderedOutput
{
    private readonly HeldHits?[] _held;
    private readonly bool[] _done;
    private readonly IHitWriter _writer;
    private readonly object _gate = new();
    private readonly Dictionary<HitRule, StrongBox<long>> _counts = new(ReferenceEqualityComparer.Instance);
    private HitRule? _lastRule;
    private StrongBox<long>? _lastCount;
    private readonly CorrelationEngine? _correlations;
    private readonly Func<CorrelationMatch, DetectionHit> _toHit;
    private readonly List<CorrelationMatch> _fired = [];
    private int _next;

    public OrderedOutput(int files, IHitWriter writer, CorrelationEngine? correlations, Func<CorrelationMatch, DetectionHit> toHit)
    {
        _held = new HeldHits?[files];
        _done = new bool[files];
        _writer = writer;
        _correlations = correlations;
        _toHit = toHit;
    }

    /// <summary>Hits written per rule; read once every file is complete.</summary>
    public IReadOnlyDictionary<HitRule, long> Counts => _counts.ToDictionary<KeyValuePair<HitRule, StrongBox<long>>, HitRule, long>(pair => pair.Key, pair => pair.Value.Value, ReferenceEqualityComparer.Instance);

    /// <summary>Blocks until file <paramref name="index"/> is less than <paramref name="window"/> files ahead of the writer.</summary>
    public void WaitUntilWithin(int index, int window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (index - _next >= window && !cancellationToken.IsCancellationRequested)
                Monitor.Wait(_gate, 100);
        }
    }

    /// <summary>
    /// A hit of file <paramref name="index"/>, in the file's record order, from the thread reading that file;
    /// <paramref name="held"/> is that thread's list for the file's hits that cannot be written yet.
    /// </summary>
    public void Add(int index, DetectionHit hit, HeldHits held)
    {
        // A hit written now may borrow the reader's buffer; one held for later borrows a copy the held hits keep.
        if (Volatile.Read(ref _next) == index)
        {
            WriteAll(held);
            Write(hit);
        }
        else
        {
            held.Add(hit);
        }
    }

    /// <summary>
    /// A match of <paramref name="rule"/> in file <paramref name="index"/> that only feeds correlations: handed to them
    /// straight from the event when the file is at the head (the event's summary made only if they keep it),
    /// otherwise observed and held as a silent hit.
    /// </summary>
    public void AddSilent(int index, SigmaRule rule, LogEvent logEvent, ref EventSummary? summary, HitRule hitRule, HeldHits held)
    {
        if (Volatile.Read(ref _next) == index)
        {
            WriteAll(held);
            _correlations!.Add(rule, logEvent, ref summary, _fired);
            WriteFired();
        }
        else
        {
            summary ??= logEvent.Summarize();
            held.Add(new DetectionHit(hitRule, logEvent.SourceType, summary, default, default) { Observation = _correlations!.Observe(rule, logEvent, summary), Silent = true });
        }
    }

    /// <summary>
    /// File <paramref name="index"/> has no more hits; <paramref name="held"/> holds those not yet written. Returns the
    /// held hits to go on with: <paramref name="held"/> emptied, or new ones when it waits for an earlier file.
    /// </summary>
    public HeldHits Complete(int index, HeldHits held)
    {
        lock (_gate)
        {
            if (index == _next)
            {
                WriteAll(held);
            }
            else if (held.Count > 0)
            {
                _held[index] = held;
                held = new HeldHits();
            }

            _done[index] = true;

            // Files already complete are written as they reach the head; one still being read writes its own.
            while (_next < _done.Length && _done[_next])
            {
                var next = _next + 1;
                if (next < _held.Length && _done[next] && _held[next] is { } published)
                {
                    WriteAll(published);
                    _held[next] = null;
                }

                Volatile.Write(ref _next, next);
                Monitor.PulseAll(_gate);
            }
        }

        return held;
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

    private void WriteAll(HeldHits held)
    {
        if (held.Count == 0)
            return;
        foreach (var hit in held.Hits)
            Write(hit);
        held.Clear();
    }

    private void WriteFired()
    {
        foreach (var match in _fired)
        {
            if (_correlations!.Generates(match.Correlation))
                Emit(_toHit(match));
        }
        _fired.Clear();
    }

    private void Emit(DetectionHit hit)
    {
        _writer.Write(hit);

        // Hits of one rule come in runs (a rule most events match): its counter is kept at hand.
        if (!ReferenceEquals(hit.Rule, _lastRule))
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, hit.Rule, out _);
            slot ??= new StrongBox<long>();
            _lastRule = hit.Rule;
            _lastCount = slot;
        }

        _lastCount!.Value++;
    }
}
