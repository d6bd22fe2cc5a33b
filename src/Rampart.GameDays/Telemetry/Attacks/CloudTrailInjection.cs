using Rampart.Core.Events;
using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>An attacker's API call, written with the baseline record writer.</summary>
internal sealed class CloudTrailInjection : Injection
{
    public required CloudTrailApi Api { get; init; }

    public required Principal Principal { get; init; }

    public required string SourceIp { get; init; }

    public required UserAgent Agent { get; init; }

    public string? AgentText { get; init; }

    public required string AwsRegion { get; init; }

    public required string Id { get; init; }

    public ApiError? Error { get; init; }

    /// <summary>Values the attack's request writers read from the context.</summary>
    public string Resource { get; init; } = "";

    public string Detail { get; init; } = "";

    public string Bucket { get; init; } = "";

    public override string SourceType => LogSourceTypes.CloudTrail;

    public override string? EventId => Id;
}
