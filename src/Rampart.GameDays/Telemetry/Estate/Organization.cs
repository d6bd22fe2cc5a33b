namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>The synthetic estate telemetry is generated for: accounts, their regions, principals and resources.</summary>
internal sealed class Organization
{
    public required Account[] Accounts { get; init; }

    public required string[] Regions { get; init; }

    /// <summary>The region that receives global service events (IAM, sign-in): <c>us-east-1</c> when listed, else the first.</summary>
    public required int HomeRegionIndex { get; init; }

    /// <summary>An account outside the organisation that legitimately reaches in (a vendor).</summary>
    public required string PartnerAccountId { get; init; }

    /// <summary>Public addresses attackers come from (hosting providers and VPNs), distinct from staff addresses.</summary>
    public required uint[] AttackerIpValues { get; init; }

    /// <summary>Customers and staff reaching public endpoints, so flow logs show returning clients.</summary>
    public required uint[] ClientIps { get; init; }
}
