namespace Rampart.Core.Events;

/// <summary>
/// The source types Rampart reads. Each is also the Sigma <c>service</c> of <c>product: aws</c>
/// rules that run over it (see docs/taxonomy.md).
/// </summary>
public static class LogSourceTypes
{
    /// <summary>AWS CloudTrail management and data events.</summary>
    public const string CloudTrail = "cloudtrail";

    /// <summary>VPC Flow Logs records.</summary>
    public const string VpcFlow = "vpcflow";

    /// <summary>Route 53 Resolver query log records.</summary>
    public const string Route53Resolver = "route53_resolver";

    /// <summary>Amazon GuardDuty findings, read as external findings.</summary>
    public const string GuardDuty = "guardduty";
}
