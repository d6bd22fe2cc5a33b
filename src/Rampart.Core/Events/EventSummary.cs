namespace Rampart.Core.Events;

/// <summary>
/// The fields every source type can answer, normalised: what hunt filters on and what findings show.
/// Any of them may be null when the record does not carry it.
/// </summary>
public sealed record EventSummary
{
    /// <summary>When the event happened (CloudTrail <c>eventTime</c>, flow <c>start</c>, query <c>query_timestamp</c>).</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The record's own id (CloudTrail <c>eventID</c>, GuardDuty finding id); null for sources without ids.</summary>
    public string? EventId { get; init; }

    /// <summary>What happened (CloudTrail <c>eventName</c>, flow action, query name).</summary>
    public string? EventName { get; init; }

    /// <summary>The AWS account the record belongs to.</summary>
    public string? Account { get; init; }

    /// <summary>The AWS region.</summary>
    public string? Region { get; init; }

    /// <summary>Who acted: an ARN, a principal id, or a network interface.</summary>
    public string? Actor { get; init; }

    /// <summary>The source IP address, or service name for AWS-internal callers.</summary>
    public string? SourceIp { get; init; }
}
