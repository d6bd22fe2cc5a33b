namespace Rampart.GameDays.Telemetry;

/// <summary>How much telemetry to generate.</summary>
/// <param name="Unit">What <paramref name="Value"/> counts.</param>
/// <param name="Value">The amount; at least 1.</param>
public readonly record struct TelemetrySize(TelemetrySizeUnit Unit, long Value)
{
    /// <summary>
    /// A number of baseline CloudTrail records. VPC flow rows (2 per CloudTrail record) and Resolver
    /// queries (1 per CloudTrail record) scale with it, so it sets the activity level even when CloudTrail
    /// is not among the sources. Attack records come on top.
    /// </summary>
    public static TelemetrySize Records(long count) => new(TelemetrySizeUnit.Records, count);

    /// <summary>
    /// Approximate compressed bytes over all selected sources; the generator measures a sample to find
    /// the record count, so the result lands within a few percent.
    /// </summary>
    public static TelemetrySize CompressedBytes(long bytes) => new(TelemetrySizeUnit.CompressedBytes, bytes);

    /// <inheritdoc />
    public override string ToString() => Unit == TelemetrySizeUnit.Records
        ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " records"
        : Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
