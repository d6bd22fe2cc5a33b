using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Route53;

/// <summary>Writes one Resolver query log record as AWS does: version 1.100000, string ports, trailing-dot names.</summary>
internal static class DnsRecordWriter
{
    public static void Write(Utf8JsonWriter writer, in DnsQuery query, string accountId, string region, Vpc vpc)
    {
        writer.WriteStartObject();
        writer.WriteString("version"u8, "1.100000"u8);
        writer.WriteString("account_id"u8, accountId);
        writer.WriteString("region"u8, region);
        writer.WriteString("vpc_id"u8, vpc.Id);
        Span<byte> buffer = stackalloc byte[TextIds.TimestampLength];
        TextIds.WriteTimestamp(buffer, query.Time);
        writer.WriteString("query_timestamp"u8, buffer);
        writer.WriteString("query_name"u8, query.Name);
        writer.WriteString("query_type"u8, query.Type);
        writer.WriteString("query_class"u8, "IN"u8);
        writer.WriteString("rcode"u8, query.ResponseCode);
        writer.WriteStartArray("answers"u8);
        for (var i = 0; i < query.AnswerCount; i++)
        {
            var answer = query.AnswerAt(i);
            writer.WriteStartObject();
            writer.WriteString("Rdata"u8, answer.Data);
            writer.WriteString("Type"u8, answer.Type);
            writer.WriteString("Class"u8, "IN"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Span<byte> address = stackalloc byte[16];
        writer.WriteString("srcaddr"u8, address[..IpAddresses.Write(address, query.Source.PrivateIp)]);
        writer.WriteString("srcport"u8, address[..TextIds.WriteNumber(address, query.SourcePort)]);
        writer.WriteString("transport"u8, query.Tcp ? "TCP"u8 : "UDP"u8);
        writer.WriteStartObject("srcids"u8);
        if (query.Source.InstanceId is { } instance)
            writer.WriteString("instance"u8, instance);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
