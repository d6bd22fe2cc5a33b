using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>Someone or something that calls AWS APIs, with everything CloudTrail records about it.</summary>
internal sealed class Principal
{
    public required PrincipalKind Kind { get; init; }

    public required Persona Persona { get; init; }

    /// <summary>The account the principal belongs to; for cross-account callers, the other account.</summary>
    public required string AccountId { get; init; }

    public string PrincipalId { get; init; } = "";

    public string Arn { get; init; } = "";

    /// <summary>IAM user name, role name (assumed roles), or federated user name.</summary>
    public string? Name { get; init; }

    /// <summary>For assumed roles: the role's ARN and unique id, written as the session issuer.</summary>
    public string? IssuerArn { get; init; }

    public string? IssuerId { get; init; }

    public string? IssuerName { get; init; }

    public string? SessionName { get; init; }

    /// <summary>The service acting for the principal (<c>userIdentity.invokedBy</c>), also its source and user agent.</summary>
    public string? InvokedBy { get; init; }

    public bool Ec2RoleDelivery { get; init; }

    public bool MfaAuthenticated { get; init; }

    /// <summary>A long-term access key (IAM users calling from tools).</summary>
    public string? AccessKeyId { get; init; }

    public ulong KeySeed { get; init; }

    public required WeightedTable<UserAgent> Agents { get; init; }

    /// <summary>The browser a person signs in to the console with.</summary>
    public UserAgent? Browser { get; init; }

    public required string[] SourceIps { get; init; }

    /// <summary>Share of the principal's calls to S3, KMS, DynamoDB and Secrets Manager that go through a VPC endpoint.</summary>
    public double VpcEndpointShare { get; init; }

    /// <summary>For regional principals (workloads), the region index they live in; otherwise -1.</summary>
    public int RegionIndex { get; init; } = -1;

    public double Weight { get; set; } = 1;

    /// <summary>The APIs this principal calls in the home region (which receives global services) and elsewhere.</summary>
    public WeightedTable<CloudTrailApi>? HomeApis { get; set; }

    public WeightedTable<CloudTrailApi>? RegionalApis { get; set; }

    /// <summary>Event sources a workload uses; null means every source its persona may call.</summary>
    public string[]? Services { get; init; }
}
