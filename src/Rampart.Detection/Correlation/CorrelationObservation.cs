using Rampart.Core.Events;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Correlation;

/// <summary>
/// What a correlation needs to remember of one event a detection rule matched: its time, its summary and the
/// values of the fields correlations group or measure by. Made on the thread that matched the event, so the
/// event's buffers can be reused at once.
/// </summary>
public sealed class CorrelationObservation
{
    internal CorrelationObservation(SigmaRule rule, DateTimeOffset? time, EventSummary summary, string?[] values)
    {
        Rule = rule;
        Time = time;
        Summary = summary;
        Values = values;
    }

    /// <summary>The rule that matched.</summary>
    public SigmaRule Rule { get; }

    /// <summary>When the event happened; events without a time cannot be correlated.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>The event's summary.</summary>
    public EventSummary Summary { get; }

    internal string?[] Values { get; }
}
