using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// An event over a JSON record (CloudTrail, Route 53 Resolver, GuardDuty): its bytes as read and the table of its
/// top-level properties that the <see cref="JsonRecord"/> built while validating it. Nothing is decoded until asked
/// for. Field paths navigate objects by exact property name (the last one, if a name is repeated) and fan out over
/// arrays.
/// </summary>
/// <remarks>
/// The event is valid while its record holds what it held when the event was made: once the record is loaded
/// again or cleared (a reader moving to its next record), every member throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class JsonLogEvent : LogEvent
{
    private readonly JsonRecord _record;
    private readonly int _generation;
    private readonly Func<JsonLogEvent, EventSummary> _summarize;
    private readonly Func<JsonLogEvent, DateTimeOffset?>? _time;

    // Rules, correlations and the summary all ask for the time: it is read once.
    private DateTimeOffset? _timeRead;
    private bool _timeKnown;

    /// <summary>Creates an event over the value loaded in <paramref name="record"/>.</summary>
    /// <param name="sourceType">One of <see cref="LogSourceTypes"/>.</param>
    /// <param name="record">A loaded record; the event expires when it is loaded again or cleared.</param>
    /// <param name="origin">Where it was read from.</param>
    /// <param name="summarize">Reads the summary fields of this source type.</param>
    /// <param name="time">Reads the event's time alone, as <paramref name="summarize"/> would; without it the time comes from a summary.</param>
    public JsonLogEvent(string sourceType, JsonRecord record, EventOrigin origin, Func<JsonLogEvent, EventSummary> summarize, Func<JsonLogEvent, DateTimeOffset?>? time = null)
        : base(origin)
    {
        SourceType = Guard.NotEmpty(sourceType);
        _record = Guard.NotNull(record);
        record.EnsureLoaded();
        _generation = record.Generation;
        _summarize = Guard.NotNull(summarize);
        _time = time;
    }

    /// <inheritdoc />
    public override string SourceType { get; }

    /// <summary>The record's bytes, verbatim; valid as long as the event is.</summary>
    public ReadOnlyMemory<byte> Utf8Json => Record.Utf8Json;

    /// <summary>The kind of the record's value: an object for every record a reader produces.</summary>
    public JsonValueKind ValueKind => Record.ValueKind;

    private JsonRecord Record
    {
        get
        {
            if (_record.Generation != _generation)
                throw new InvalidOperationException("This event was read from a buffer that has moved on: an event is only valid until the reader's next MoveNext. Copy what you need (Summarize, WriteTo) before moving on.");
            return _record;
        }
    }

    /// <summary>Parses one JSON record into an event that owns a copy of it; for tests and small inputs.</summary>
    /// <exception cref="JsonException">The text is not one valid JSON value.</exception>
    public static JsonLogEvent Parse(string json, string sourceType, Func<JsonLogEvent, EventSummary>? summarize = null, EventOrigin origin = default) =>
        new(sourceType, JsonRecord.Parse(json), origin, summarize ?? (_ => new EventSummary()));

    /// <inheritdoc />
    public override void CollectValues(FieldPath path, List<FieldValue> values)
    {
        Guard.NotNull(path);
        Guard.NotNull(values);
        Record.CollectValues(path.Utf8Segments.AsSpan(), values);
    }

    /// <inheritdoc />
    public override void CollectAllValues(List<FieldValue> values)
    {
        Guard.NotNull(values);
        Record.CollectLeaves(values);
    }

    /// <summary>
    /// The string at <paramref name="path"/>, or a number as written, following objects only: false when the path is
    /// absent, crosses an array, or ends in another kind. Objects on the way are located once per record.
    /// </summary>
    public bool TryGetText(FieldPath path, [NotNullWhen(true)] out string? text)
    {
        Guard.NotNull(path);
        text = Record.FindText(path.Utf8Segments.AsSpan());
        return text is not null;
    }

    /// <summary>The string in the top-level property <paramref name="utf8Name"/>, or a number as written: a lookup in the property table.</summary>
    public bool TryGetText(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out string? text)
    {
        text = Record.FindText(utf8Name);
        return text is not null;
    }

    /// <summary>
    /// As <see cref="TryGetText(FieldPath, out string?)"/>, for a caller reading the same path in event after event:
    /// <paramref name="recent"/> holds the string the caller read there last, given again when the value is the same
    /// (an account, a region, a principal), and becomes the string read now.
    /// </summary>
    public bool TryGetText(FieldPath path, ref string? recent, [NotNullWhen(true)] out string? text)
    {
        Guard.NotNull(path);
        text = Record.FindText(path.Utf8Segments.AsSpan(), ref recent);
        return text is not null;
    }

    /// <summary>
    /// As <see cref="TryGetText(ReadOnlySpan{byte}, out string?)"/>, for a value no other event repeats (an event's id):
    /// decoded on its own, without passing through the cache of values that repeat.
    /// </summary>
    public bool TryGetUniqueText(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out string? text)
    {
        text = Record.FindUniqueText(utf8Name);
        return text is not null;
    }

    /// <summary>
    /// The bytes between the quotes of the top-level string property <paramref name="utf8Name"/> when they are printable
    /// ASCII without escapes, for reading a timestamp or number without making a string; false otherwise (then read
    /// the text). The span is valid while the event is.
    /// </summary>
    public bool TryGetAscii(ReadOnlySpan<byte> utf8Name, out ReadOnlySpan<byte> ascii) => Record.TryGetAsciiProperty(utf8Name, out ascii);

    /// <inheritdoc />
    public override EventSummary Summarize()
    {
        _ = Record;
        return _summarize(this);
    }

    /// <inheritdoc />
    public override DateTimeOffset? Time
    {
        get
        {
            _ = Record;
            if (!_timeKnown)
            {
                _timeRead = _time is null ? _summarize(this).Time : _time(this);
                _timeKnown = true;
            }

            return _timeRead;
        }
    }

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer);
        writer.WriteRawValue(Record.Utf8Json.Span, skipInputValidation: true);
    }

    /// <inheritdoc />
    public override byte[] ToUtf8Json() => Record.Utf8Json.ToArray();
}
