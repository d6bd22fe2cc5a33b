using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Flow;

/// <summary>
/// Flow records given as JSON objects (Panther test events, Athena or Firehose exports): property names are
/// normalised to AWS's hyphenated names, so that rules see the same fields as over the text format.
/// </summary>
internal static class FlowJsonRecord
{
    // Names no other source uses at the top level; "status", "type", "region" and friends are too common to count.
    private static readonly byte[][] Distinctive = [.. new[]
    {
        "srcAddr", "dstAddr", "srcPort", "dstPort", "interfaceId", "interface-id", "flowDirection", "flow-direction",
        "pktSrcAddr", "pktDstAddr", "pkt-srcaddr", "pkt-dstaddr", "tcpFlags", "tcp-flags", "logStatus", "log-status",
        "account-id", "trafficPath", "traffic-path",
    }.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Whether a JSON object of no other known source looks like a flow record.</summary>
    public static bool LooksLikeFlow(JsonRecord record)
    {
        foreach (var name in Distinctive)
        {
            if (record.HasProperty(name))
                return true;
        }

        return record.HasProperty("srcaddr"u8) && record.HasProperty("dstaddr"u8);
    }

    /// <summary>Decodes a JSON flow record into an event that owns its values.</summary>
    public static FlowLogEvent Create(JsonRecord record, EventOrigin origin)
    {
        // Every value is decoded into the event anyway, so a document adds little: JSON flow records come from
        // exports and test events, while flow logs in bulk are text.
        using var document = JsonDocument.Parse(record.Utf8Json, new JsonDocumentOptions { MaxDepth = record.MaxDepth });
        return Create(document.RootElement, origin);
    }

    private static FlowLogEvent Create(JsonElement record, EventOrigin origin)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var values = new List<FieldValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            var name = Normalise(property.Name);
            if (!seen.Add(name))
                continue;
            names.Add(name);
            values.Add(ToValue(property.Value, FlowFields.Numeric.Contains(name)));
        }

        return new FlowLogEvent(FlowSchema.FromNames(names.ToImmutable()), [.. values], origin);
    }

    private static string Normalise(string name) =>
        FlowFields.Known.Contains(name) ? name : FlowFields.CamelCaseNames.GetValueOrDefault(name, name);

    private static FieldValue ToValue(JsonElement value, bool numeric)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text == "-")
                    return FieldValue.Null;
                return numeric && text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
                    ? FieldValue.FromNumber(text)
                    : FieldValue.FromString(text);
            case JsonValueKind.Number:
                return FieldValue.FromNumber(value.GetRawText());
            case JsonValueKind.True:
                return FieldValue.FromBoolean(true);
            case JsonValueKind.False:
                return FieldValue.FromBoolean(false);
            case JsonValueKind.Object or JsonValueKind.Array:
                return FieldValue.FromObject(value.GetRawText());
            default:
                return FieldValue.Null;
        }
    }
}
