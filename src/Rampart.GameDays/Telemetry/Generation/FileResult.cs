namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>What writing one planned file produced.</summary>
internal readonly record struct FileResult(long Records, long CompressedBytes, long UncompressedBytes);
