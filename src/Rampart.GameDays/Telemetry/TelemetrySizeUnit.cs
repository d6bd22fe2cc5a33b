namespace Rampart.GameDays.Telemetry;

/// <summary>How a <see cref="TelemetrySize"/> is measured.</summary>
public enum TelemetrySizeUnit
{
    /// <summary>A number of baseline CloudTrail records (other sources scale with it).</summary>
    Records,

    /// <summary>Approximate total compressed bytes on disk over all selected sources.</summary>
    CompressedBytes,
}
