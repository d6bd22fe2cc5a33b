using System.Buffers;
using System.Text;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>Formats flow rows as space-separated text in the field order of a <see cref="FlowLogFormat"/>.</summary>
internal static class FlowRowWriter
{
    private const int MaxRowLength = 1024;

    public static void Write(IBufferWriter<byte> output, FlowLogFormat format, in FlowRecord row, string accountId, Vpc vpc, string region)
    {
        var span = output.GetSpan(MaxRowLength);
        var n = 0;
        var fields = format.Fields;
        var data = row.Status == FlowStatus.Ok;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                span[n++] = (byte)' ';
            var field = fields[i];
            switch (field)
            {
                case FlowField.Version:
                    n += TextIds.WriteNumber(span[n..], format.Version);
                    break;
                case FlowField.AccountId:
                    n += Ascii(span[n..], accountId);
                    break;
                case FlowField.InterfaceId:
                    n += Ascii(span[n..], row.Interface.Id);
                    break;
                case FlowField.Start:
                    n += TextIds.WriteNumber(span[n..], row.Start);
                    break;
                case FlowField.End:
                    n += TextIds.WriteNumber(span[n..], row.End);
                    break;
                case FlowField.LogStatus:
                    n += Ascii(span[n..], row.Status switch
                    {
                        FlowStatus.NoData => "NODATA",
                        FlowStatus.SkipData => "SKIPDATA",
                        _ => "OK",
                    });
                    break;
                default:
                    n += data ? WriteDataField(span[n..], field, row, vpc, region) : Dash(span[n..]);
                    break;
            }
        }

        span[n++] = (byte)'\n';
        output.Advance(n);
    }

    private static int WriteDataField(Span<byte> span, FlowField field, in FlowRecord row, Vpc vpc, string region)
    {
        switch (field)
        {
            case FlowField.SourceAddress:
            case FlowField.PacketSourceAddress:
                return IpAddresses.Write(span, row.Source);
            case FlowField.DestinationAddress:
            case FlowField.PacketDestinationAddress:
                return IpAddresses.Write(span, row.Destination);
            case FlowField.SourcePort:
                return TextIds.WriteNumber(span, row.SourcePort);
            case FlowField.DestinationPort:
                return TextIds.WriteNumber(span, row.DestinationPort);
            case FlowField.Protocol:
                return TextIds.WriteNumber(span, row.Protocol);
            case FlowField.Packets:
                return TextIds.WriteNumber(span, row.Packets);
            case FlowField.Bytes:
                return TextIds.WriteNumber(span, row.Bytes);
            case FlowField.Action:
                return Ascii(span, row.Accept ? "ACCEPT" : "REJECT");
            case FlowField.VpcId:
                return Ascii(span, vpc.Id);
            case FlowField.SubnetId:
                return Ascii(span, row.Interface.SubnetId);
            case FlowField.InstanceId:
                return row.Interface.InstanceId is { } instance ? Ascii(span, instance) : Dash(span);
            case FlowField.TcpFlags:
                return TextIds.WriteNumber(span, row.Protocol == 6 ? row.TcpFlags : 0);
            case FlowField.Type:
                return Ascii(span, "IPv4");
            case FlowField.Region:
                return Ascii(span, region);
            case FlowField.AzId:
                return Ascii(span, row.Interface.AzId);
            case FlowField.FlowDirection:
                return Ascii(span, row.Ingress ? "ingress" : "egress");
            case FlowField.TrafficPath:
                return row.TrafficPath > 0 ? TextIds.WriteNumber(span, row.TrafficPath) : Dash(span);
            case FlowField.PacketSourceAwsService:
                return row.Ingress && row.AwsService is { } source ? Ascii(span, source) : Dash(span);
            case FlowField.PacketDestinationAwsService:
                return !row.Ingress && row.AwsService is { } destination ? Ascii(span, destination) : Dash(span);
            default:
                return Dash(span);
        }
    }

    private static int Ascii(Span<byte> span, string text) => Encoding.ASCII.GetBytes(text, span);

    private static int Dash(Span<byte> span)
    {
        span[0] = (byte)'-';
        return 1;
    }
}
