using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Events;
using Rampart.Logs.Reading;
using Rampart.Logs.Sources;

namespace Rampart.Logs.Flow;

/// <summary>
/// One VPC flow record: the schema's field names over either the split line, still in the reader's buffer (values
/// are decoded only when asked for, and the event expires when the reader moves on), or values taken from a JSON
/// record. Field names are AWS's, hyphenated (<c>dstport</c>, <c>log-status</c>); numeric fields are numbers;
/// <c>-</c> is an explicit null.
/// </summary>
internal sealed class FlowLogEvent : LogEvent
{
    private readonly ReadOnlyMemory<byte> _line;
    private readonly int[]? _bounds;
    private readonly FieldValue[]? _values;
    private readonly ReadLease? _lease;
    private readonly int _generation;

    /// <summary>An event over a split line.</summary>
    /// <param name="schema">The field names.</param>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="bounds">Start and length of each field in <paramref name="line"/>, in pairs.</param>
    /// <param name="origin">Where the line was read.</param>
    /// <param name="lease">The reader's lease; the event expires when it advances.</param>
    public FlowLogEvent(FlowSchema schema, ReadOnlyMemory<byte> line, int[] bounds, EventOrigin origin, ReadLease lease)
        : base(origin)
    {
        Schema = schema;
        _line = line;
        _bounds = bounds;
        _lease = lease;
        _generation = lease.Generation;
    }

    /// <summary>An event over values already decoded (from a JSON record); it does not expire.</summary>
    public FlowLogEvent(FlowSchema schema, FieldValue[] values, EventOrigin origin)
        : base(origin)
    {
        Schema = schema;
        _values = values;
    }

    /// <summary>The field names.</summary>
    public FlowSchema Schema { get; }

    /// <inheritdoc />
    public override string SourceType => LogSourceTypes.VpcFlow;

    /// <summary>The value of the field at <paramref name="index"/>.</summary>
    public FieldValue GetValue(int index)
    {
        if (_values is not null)
            return _values[index];
        var raw = Raw(index);
        if (raw.Length == 1 && raw[0] == (byte)'-')
            return FieldValue.Null;
        var text = Encoding.UTF8.GetString(raw);
        return Schema.IsNumeric(index) ? FieldValue.FromNumber(text) : FieldValue.FromString(text);
    }

    /// <inheritdoc />
    public override void CollectValues(FieldPath path, List<FieldValue> values)
    {
        Guard.NotNull(path);
        Guard.NotNull(values);
        if (path.Segments.Length != 1)
            return;
        var index = Schema.IndexOf(path.Name);
        if (index >= 0)
            values.Add(GetValue(index));
    }

    /// <inheritdoc />
    public override void CollectAllValues(List<FieldValue> values)
    {
        Guard.NotNull(values);
        for (var i = 0; i < Schema.Count; i++)
            values.Add(GetValue(i));
    }

    /// <inheritdoc />
    public override EventSummary Summarize() => new()
    {
        Time = JsonFields.ParseTime(Text(Schema.Start)),
        EventName = Text(Schema.Action) ?? Text(Schema.LogStatus),
        Account = Text(Schema.Account),
        Region = Text(Schema.Region),
        Actor = Text(Schema.InterfaceId),
        SourceIp = Text(Schema.SourceAddress),
    };

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer);
        writer.WriteStartObject();
        for (var i = 0; i < Schema.Count; i++)
        {
            var name = Schema.Names[i];
            var value = GetValue(i);
            switch (value.Kind)
            {
                case FieldValueKind.Null:
                    writer.WriteNull(name);
                    break;
                case FieldValueKind.String:
                    writer.WriteString(name, value.Text);
                    break;
                case FieldValueKind.Boolean:
                    writer.WriteBoolean(name, value.Text == "true");
                    break;
                default:
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(value.Text!);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private string? Text(int index)
    {
        if (index < 0)
            return null;
        var value = GetValue(index);
        return value.IsNull || string.IsNullOrEmpty(value.Text) ? null : value.Text;
    }

    private ReadOnlySpan<byte> Raw(int index)
    {
        _lease!.EnsureCurrent(_generation);
        return _line.Span.Slice(_bounds![2 * index], _bounds[(2 * index) + 1]);
    }
}
