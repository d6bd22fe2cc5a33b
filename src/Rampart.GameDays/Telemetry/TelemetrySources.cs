namespace Rampart.GameDays.Telemetry;

/// <summary>The log sources to generate; combine with <c>|</c>.</summary>
[Flags]
public enum TelemetrySources
{
    /// <summary>Nothing (invalid on its own).</summary>
    None = 0,

    /// <summary>CloudTrail management and data events, gzip JSON in the S3 layout.</summary>
    CloudTrail = 1,

    /// <summary>VPC Flow Logs, gzip text with a header line, default and custom formats.</summary>
    VpcFlow = 2,

    /// <summary>Route 53 Resolver query logs, gzip JSON lines.</summary>
    Route53Resolver = 4,

    /// <summary>Every source.</summary>
    All = CloudTrail | VpcFlow | Route53Resolver,
}
