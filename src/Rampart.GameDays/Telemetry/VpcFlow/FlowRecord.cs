using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>One flow log row before formatting. Addresses are IPv4 numbers; zero ports and protocol mean "-".</summary>
internal struct FlowRecord
{
    public NetworkInterface Interface;
    public uint Source;
    public uint Destination;
    public int SourcePort;
    public int DestinationPort;
    public int Protocol;
    public long Packets;
    public long Bytes;
    public long Start;
    public long End;
    public bool Accept;
    public FlowStatus Status;
    public int TcpFlags;
    public bool Ingress;

    /// <summary>The traffic path of egress flows (1 = same VPC, 8 = internet gateway); 0 writes "-".</summary>
    public int TrafficPath;

    /// <summary>For traffic to or from AWS services, the service name in <c>pkt-*-aws-service</c>.</summary>
    public string? AwsService;
}
