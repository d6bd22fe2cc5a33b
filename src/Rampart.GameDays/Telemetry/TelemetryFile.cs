namespace Rampart.GameDays.Telemetry;

/// <summary>One file the generator wrote.</summary>
/// <param name="Path">Relative to the output directory, with <c>/</c> separators.</param>
/// <param name="SourceType">One of <see cref="Rampart.Core.Events.LogSourceTypes"/>.</param>
/// <param name="Records">Records in the file (header lines excluded).</param>
/// <param name="CompressedBytes">The file's size on disk.</param>
public sealed record TelemetryFile(string Path, string SourceType, long Records, long CompressedBytes);
