namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>The resources an account has in one region.</summary>
internal sealed class RegionEstate
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public required bool IsHome { get; init; }

    public required double Weight { get; init; }

    public required Vpc[] Vpcs { get; init; }

    public required string[] NatIps { get; init; }

    public required string[] InstanceIds { get; init; }

    public required string[] SecurityGroupIds { get; init; }

    public required string[] VolumeIds { get; init; }

    public required string[] SnapshotIds { get; init; }

    public required string[] ImageIds { get; init; }

    public required string[] KmsKeyArns { get; init; }

    public required string[] SecretArns { get; init; }

    public required string[] LogGroups { get; init; }

    public required string[] FunctionNames { get; init; }

    public required string[] TableNames { get; init; }

    public required string[] ParameterNames { get; init; }

    public required string[] RepositoryNames { get; init; }

    public required string[] ClusterNames { get; init; }

    public required string[] LoadBalancerArns { get; init; }

    public required string[] TargetGroupArns { get; init; }

    public required string[] DbInstanceIds { get; init; }

    public required string[] QueueUrls { get; init; }

    public required string VpcEndpointId { get; init; }

    public required string DetectorId { get; init; }

    public required string ConfigRecorderName { get; init; }

    public required string[] AlarmNames { get; init; }

    /// <summary>Workloads that live in this region.</summary>
    public List<Principal> Workloads { get; } = [];

    /// <summary>Everyone who acts in this region of the account, weighted by how busy they are.</summary>
    public Generation.WeightedTable<Principal>? Callers { get; set; }
}
