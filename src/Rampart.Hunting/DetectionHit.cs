using System.Collections.Immutable;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Intel;

namespace Rampart.Hunting;

/// <summary>
/// One event that one rule matched, copied out of the reader's buffers; or a correlation that fired, whose
/// <see cref="Correlation"/> tells the window and group and whose <see cref="EventJson"/> is empty.
/// </summary>
/// <param name="Rule">The rule that matched.</param>
/// <param name="SourceType">One of <see cref="LogSourceTypes"/>.</param>
/// <param name="Summary">The event's normalised summary fields.</param>
/// <param name="Origin">The file and record position it came from.</param>
/// <param name="EventJson">The whole event as UTF-8 JSON, verbatim for sources read as JSON; shared by the hits of one event.</param>
public sealed record DetectionHit(HitRule Rule, string SourceType, EventSummary Summary, EventOrigin Origin, ReadOnlyMemory<byte> EventJson)
{
    /// <summary>The event as JSON text.</summary>
    public string EventText => System.Text.Encoding.UTF8.GetString(EventJson.Span);

    /// <summary>For a correlation hit, what fired.</summary>
    public CorrelationMatch? Correlation { get; init; }

    /// <summary>What correlations need of the event, when a correlation uses the rule.</summary>
    public CorrelationObservation? Observation { get; init; }

    /// <summary>
    /// Whether <see cref="EventJson"/> still lies in the reader's buffer, valid only while the hit is being written;
    /// <see cref="Detach"/> gives a hit that owns a copy.
    /// </summary>
    public bool IsBorrowed { get; init; }

    /// <summary>This hit, or a copy owning its event JSON when it is borrowed: what a writer that keeps hits keeps.</summary>
    public DetectionHit Detach() => IsBorrowed ? this with { EventJson = EventJson.ToArray(), IsBorrowed = false } : this;

    /// <summary>The values the rule found on threat-intelligence lists, with each list's name and entry; empty for rules without lookups.</summary>
    public ImmutableArray<IntelMatch> Intel { get; init; } = [];

    /// <summary>Whether the hit only feeds correlations and is not reported (a rule a correlation uses without <c>generate</c>).</summary>
    public bool Silent { get; init; }
}
