using Rampart.Core.Events;

namespace Rampart.Hunting;

/// <summary>One event that one rule matched, copied out of the reader's buffers.</summary>
/// <param name="Rule">The rule that matched.</param>
/// <param name="SourceType">One of <see cref="LogSourceTypes"/>.</param>
/// <param name="Summary">The event's normalised summary fields.</param>
/// <param name="Origin">The file and record position it came from.</param>
/// <param name="EventJson">The whole event as UTF-8 JSON, verbatim for sources read as JSON; shared by the hits of one event.</param>
public sealed record DetectionHit(HitRule Rule, string SourceType, EventSummary Summary, EventOrigin Origin, ReadOnlyMemory<byte> EventJson)
{
    /// <summary>The event as JSON text.</summary>
    public string EventText => System.Text.Encoding.UTF8.GetString(EventJson.Span);
}
