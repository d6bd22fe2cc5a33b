namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>A record an attack adds to the baseline, and where it goes.</summary>
internal abstract class Injection
{
    public required long Time { get; init; }

    public required int AccountIndex { get; init; }

    public required int RegionIndex { get; init; }

    /// <summary>For flow and DNS records, the VPC whose file receives the record.</summary>
    public int VpcIndex { get; init; }

    public required string Summary { get; init; }

    public int AttackIndex { get; set; }

    /// <summary>The record's position within its attack.</summary>
    public int Ordinal { get; set; }

    public abstract string SourceType { get; }

    /// <summary>The event id written (CloudTrail) or null.</summary>
    public virtual string? EventId => null;
}
