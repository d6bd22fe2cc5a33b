using System.Buffers;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// One record read from a log: a CloudTrail event, a flow record, a DNS query, a GuardDuty finding.
/// Readers may reuse the memory behind an event once the consumer asks for the next one, so a
/// consumer that keeps anything copies it out (<see cref="Summarize"/>, <see cref="WriteTo"/>).
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
    /// path is absent, <see cref="FieldValue.Null"/> for an explicit null, and one value per element
    /// when the path crosses or ends in an array.
    /// </summary>
    public abstract void CollectValues(FieldPath path, List<FieldValue> values);

    /// <summary>Adds every leaf value of the event, for keyword searches.</summary>
    public abstract void CollectAllValues(List<FieldValue> values);

    /// <summary>The normalised summary fields.</summary>
    public abstract EventSummary Summarize();

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
