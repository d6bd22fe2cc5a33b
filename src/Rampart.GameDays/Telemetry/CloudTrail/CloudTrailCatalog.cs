namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Every API the baseline draws from.</summary>
internal static class CloudTrailCatalog
{
    public static IReadOnlyList<CloudTrailApi> All { get; } =
    [
        .. StsApis.All(),
        .. IamApis.All(),
        .. Ec2Apis.All(),
        .. S3Apis.All(),
        .. KmsApis.All(),
        .. ComputeApis.All(),
        .. OperationsApis.All(),
        .. DataApis.All(),
        .. SignInApis.All(),
    ];

    /// <summary>The catalog entry for an API; attacks reuse baseline entries for their reconnaissance steps.</summary>
    public static CloudTrailApi Find(string eventSource, string eventName) =>
        All.FirstOrDefault(api => api.EventSource == eventSource && api.EventName == eventName)
        ?? throw new ArgumentException($"No catalog entry for {eventSource} {eventName}.", nameof(eventName));
}
