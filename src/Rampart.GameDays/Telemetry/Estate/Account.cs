namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>One AWS account of the synthetic organisation.</summary>
internal sealed class Account
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string Alias { get; init; }

    public required double Weight { get; init; }

    public required RegionEstate[] Regions { get; init; }

    public required string[] BucketNames { get; init; }

    public required string[] UserNames { get; init; }

    public required string[] RoleNames { get; init; }

    public required string[] PolicyArns { get; init; }

    public required string TrailName { get; init; }

    public required string TrailBucket { get; init; }

    /// <summary>Principals of the account that act in every region.</summary>
    public List<Principal> Principals { get; } = [];

    public Principal Root { get; set; } = null!;

    /// <summary>A human IAM user, the usual target of credential theft in the attack scenarios.</summary>
    public List<Principal> HumanUsers { get; } = [];

    public List<Principal> AutomationUsers { get; } = [];
}
