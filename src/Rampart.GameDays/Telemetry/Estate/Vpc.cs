namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>A VPC with its interfaces, its flow log and its resolver.</summary>
internal sealed class Vpc
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required uint Network { get; init; }

    public required string[] SubnetIds { get; init; }

    public required NetworkInterface[] Interfaces { get; init; }

    public required string FlowLogId { get; init; }

    /// <summary>True when the flow log uses the default (version 2) format; otherwise a custom version 5 format.</summary>
    public required bool DefaultFormat { get; init; }

    public required double Weight { get; init; }

    public required string InternalDomain { get; init; }
}
