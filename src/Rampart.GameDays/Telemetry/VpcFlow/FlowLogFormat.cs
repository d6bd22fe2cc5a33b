namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>A flow log record format: the fields in order, which is also the file's header line.</summary>
internal sealed class FlowLogFormat
{
    private static readonly Dictionary<FlowField, string> HeaderNames = new()
    {
        [FlowField.Version] = "version",
        [FlowField.AccountId] = "account-id",
        [FlowField.InterfaceId] = "interface-id",
        [FlowField.SourceAddress] = "srcaddr",
        [FlowField.DestinationAddress] = "dstaddr",
        [FlowField.SourcePort] = "srcport",
        [FlowField.DestinationPort] = "dstport",
        [FlowField.Protocol] = "protocol",
        [FlowField.Packets] = "packets",
        [FlowField.Bytes] = "bytes",
        [FlowField.Start] = "start",
        [FlowField.End] = "end",
        [FlowField.Action] = "action",
        [FlowField.LogStatus] = "log-status",
        [FlowField.VpcId] = "vpc-id",
        [FlowField.SubnetId] = "subnet-id",
        [FlowField.InstanceId] = "instance-id",
        [FlowField.TcpFlags] = "tcp-flags",
        [FlowField.Type] = "type",
        [FlowField.PacketSourceAddress] = "pkt-srcaddr",
        [FlowField.PacketDestinationAddress] = "pkt-dstaddr",
        [FlowField.Region] = "region",
        [FlowField.AzId] = "az-id",
        [FlowField.FlowDirection] = "flow-direction",
        [FlowField.TrafficPath] = "traffic-path",
        [FlowField.PacketSourceAwsService] = "pkt-src-aws-service",
        [FlowField.PacketDestinationAwsService] = "pkt-dst-aws-service",
    };

    /// <summary>The default format: version 2, fourteen fields.</summary>
    public static FlowLogFormat DefaultV2 { get; } = new(2,
    [
        FlowField.Version, FlowField.AccountId, FlowField.InterfaceId, FlowField.SourceAddress, FlowField.DestinationAddress,
        FlowField.SourcePort, FlowField.DestinationPort, FlowField.Protocol, FlowField.Packets, FlowField.Bytes,
        FlowField.Start, FlowField.End, FlowField.Action, FlowField.LogStatus,
    ]);

    /// <summary>
    /// A custom format reaching version 5 fields, in an order of our choosing: readers must follow the
    /// header, not assume positions.
    /// </summary>
    public static FlowLogFormat CustomV5 { get; } = new(5,
    [
        FlowField.Version, FlowField.VpcId, FlowField.SubnetId, FlowField.InstanceId, FlowField.InterfaceId, FlowField.AccountId,
        FlowField.Type, FlowField.SourceAddress, FlowField.DestinationAddress, FlowField.SourcePort, FlowField.DestinationPort,
        FlowField.PacketSourceAddress, FlowField.PacketDestinationAddress, FlowField.Protocol, FlowField.Bytes, FlowField.Packets,
        FlowField.Start, FlowField.End, FlowField.Action, FlowField.TcpFlags, FlowField.LogStatus, FlowField.Region, FlowField.AzId,
        FlowField.FlowDirection, FlowField.TrafficPath, FlowField.PacketSourceAwsService, FlowField.PacketDestinationAwsService,
    ]);

    private FlowLogFormat(int version, FlowField[] fields)
    {
        Version = version;
        Fields = fields;
        Header = System.Text.Encoding.ASCII.GetBytes(string.Join(' ', fields.Select(field => HeaderNames[field])) + "\n");
    }

    public int Version { get; }

    public FlowField[] Fields { get; }

    /// <summary>The header line, newline included.</summary>
    public byte[] Header { get; }
}
