namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>An elastic network interface with the addresses flow logs report.</summary>
internal sealed class NetworkInterface
{
    public required string Id { get; init; }

    public required uint PrivateIp { get; init; }

    public required string PrivateIpText { get; init; }

    public uint PublicIp { get; init; }

    public required string SubnetId { get; init; }

    public string? InstanceId { get; init; }

    public required string AzId { get; init; }

    public required EniRole Role { get; init; }
}
