using Rampart.Core.Events;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>An attack the generator can mix in: what it is, how long it takes, and how to write its records.</summary>
internal sealed class AttackScenario
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string TechniqueId { get; init; }

    public required string TechniqueName { get; init; }

    public required string SourceType { get; init; }

    public ExpectedRule[] ExpectedRules { get; init; } = [];

    /// <summary>About how long the attack runs, so it fits inside the generated period.</summary>
    public required TimeSpan Span { get; init; }

    /// <summary>Runs against IAM or sign-in, which log to the home region.</summary>
    public bool Global { get; init; }

    public required Action<AttackBuilder> Build { get; init; }

    public bool Needs(TelemetrySources sources) => SourceType switch
    {
        LogSourceTypes.CloudTrail => sources.HasFlag(TelemetrySources.CloudTrail),
        LogSourceTypes.VpcFlow => sources.HasFlag(TelemetrySources.VpcFlow),
        _ => sources.HasFlag(TelemetrySources.Route53Resolver),
    };
}
