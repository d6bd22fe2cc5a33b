namespace Rampart.GameDays.Telemetry;

/// <summary>What was written for one source type.</summary>
/// <param name="SourceType">One of <see cref="Rampart.Core.Events.LogSourceTypes"/>.</param>
/// <param name="Files">Number of files.</param>
/// <param name="Records">Number of records, attacks included.</param>
/// <param name="CompressedBytes">Total size on disk.</param>
/// <param name="UncompressedBytes">Total size before compression.</param>
public sealed record SourceTotals(string SourceType, long Files, long Records, long CompressedBytes, long UncompressedBytes);
