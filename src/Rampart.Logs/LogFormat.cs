namespace Rampart.Logs;

/// <summary>The log formats Rampart reads; <see cref="Auto"/> detects the format of each file from its content.</summary>
public enum LogFormat
{
    /// <summary>Detect per file from the first bytes (after gunzip) and, for JSON, per record from its shape.</summary>
    Auto,

    /// <summary>CloudTrail: <c>{"Records":[…]}</c> files, single events as JSON lines, EventBridge envelopes, CloudTrail Lake rows.</summary>
    CloudTrail,

    /// <summary>VPC Flow Logs: space-separated text (default or custom format), or JSON records with the fields as properties.</summary>
    VpcFlow,

    /// <summary>Route 53 Resolver query logs: JSON lines.</summary>
    Route53Resolver,

    /// <summary>GuardDuty findings: EventBridge envelopes, JSON lines, <c>{"findings":[…]}</c>, single findings.</summary>
    GuardDuty,
}
