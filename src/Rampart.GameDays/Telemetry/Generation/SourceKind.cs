namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>The three file families the generator writes.</summary>
internal enum SourceKind
{
    CloudTrail,
    VpcFlow,
    Route53Resolver,
}
