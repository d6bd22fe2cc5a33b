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
    private EventSummary? _summary;
    private LogEvent? _event;

    internal CorrelationObservation(SigmaRule rule, DateTimeOffset? time, EventSummary summary, string stream, string?[] values)
    {
        Rule = rule;
        Time = time;
        _summary = summary;
        Stream = stream;
        Values = values;
    }

    /// <summary>The rule that matched.</summary>
    public SigmaRule Rule { get; private set; }

    /// <summary>When the event happened; events without a time cannot be correlated.</summary>
    public DateTimeOffset? Time { get; private set; }

    /// <summary>The event's summary; for a match added straight from its event, made from it when first asked for.</summary>
    public EventSummary Summary => _summary ??= _event!.Summarize();

    /// <summary>
    /// The stream the event came in, whose records arrive in time order: in the S3 layout one log's files (its
    /// folder above the <c>YYYY/MM/DD</c> folders and the file name before its timestamp); else the file; for an
    /// event without a file, its account and region.
    /// </summary>
    public string Stream { get; private set; }

    internal string?[] Values { get; private set; }

    /// <summary>The summary, when one was given or made.</summary>
    internal EventSummary? MadeSummary => _summary;

    /// <summary>
    /// Makes this instance another match's observation, for one that is added at once and kept by nobody: its summary
    /// is made from <paramref name="logEvent"/> only if a correlation keeps the match.
    /// </summary>
    internal void Reuse(SigmaRule rule, DateTimeOffset? time, LogEvent logEvent, EventSummary? summary, string stream, string?[] values)
    {
        Rule = rule;
        Time = time;
        _event = logEvent;
        _summary = summary;
        Stream = stream;
        Values = values;
    }
}
