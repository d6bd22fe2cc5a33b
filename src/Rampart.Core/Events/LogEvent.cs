using System.Buffers;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// One record read from a log: a CloudTrail event, a flow record, a DNS query, a GuardDuty finding.
/// Readers may reuse the memory behind an event once the consumer asks for the next one, so a
/// consumer that keeps anything copies it out (<see cref="Summarize"/>, <see cref="ToUtf8Json"/>,
/// <see cref="WriteTo"/>, or the values it collected); an event used after that throws
/// <see cref="InvalidOperationException"/> rather than answer with another record. Events decode lazily:
/// a value costs something only when asked for. An event is not thread-safe.
/// </summary>
public abstract class LogEvent
{
    /// <summary>Creates an event read from <paramref name="origin"/>.</summary>
    protected LogEvent(EventOrigin origin) => Origin = origin;

    /// <summary>One of <see cref="LogSourceTypes"/>.</summary>
    public abstract string SourceType { get; }

    /// <summary>Where the event was read from.</summary>
    public EventOrigin Origin { get; }

    /// <summary>
    /// Adds the values found at <paramref name="path"/> to <paramref name="values"/>: nothing when the
    /// path is absent, <see cref="FieldValue.Null"/> for an explicit null, one value per element
    /// when the path crosses or ends in an array (nested arrays flattened), and an object's JSON text
    /// (<see cref="FieldValueKind.Object"/>) when the path ends at an object.
    /// </summary>
    public abstract void CollectValues(FieldPath path, List<FieldValue> values);

    /// <summary>Adds every leaf value of the event (scalars, in the record's order; no objects), for keyword searches.</summary>
    public abstract void CollectAllValues(List<FieldValue> values);

    /// <summary>The normalised summary fields.</summary>
    public abstract EventSummary Summarize();

    /// <summary>When the event happened (<see cref="EventSummary.Time"/>); sources that can read it alone answer without a summary.</summary>
    public virtual DateTimeOffset? Time => Summarize().Time;

    /// <summary>Writes the whole event as one JSON value.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>Copies the whole event out as UTF-8 JSON; sources read as JSON give their bytes verbatim.</summary>
    public virtual byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
            WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
