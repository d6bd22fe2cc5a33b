namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>The flow log fields the generator writes, by their header names.</summary>
internal enum FlowField
{
    Version,
    AccountId,
    InterfaceId,
    SourceAddress,
    DestinationAddress,
    SourcePort,
    DestinationPort,
    Protocol,
    Packets,
    Bytes,
    Start,
    End,
    Action,
    LogStatus,
    VpcId,
    SubnetId,
    InstanceId,
    TcpFlags,
    Type,
    PacketSourceAddress,
    PacketDestinationAddress,
    Region,
    AzId,
    FlowDirection,
    TrafficPath,
    PacketSourceAwsService,
    PacketDestinationAwsService,
}
