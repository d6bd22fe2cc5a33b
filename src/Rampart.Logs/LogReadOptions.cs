namespace Rampart.Logs;

/// <summary>How log files are read. Immutable; <see cref="Default"/> suits almost everyone.</summary>
public sealed record LogReadOptions
{
    /// <summary>The default <see cref="MaxRecordBytes"/>: 8 MiB, well above the 256 KB CloudTrail allows per event.</summary>
    public const int DefaultMaxRecordBytes = 8 * 1024 * 1024;

    /// <summary>The smallest <see cref="MaxRecordBytes"/> accepted: 1 KiB.</summary>
    public const int MinMaxRecordBytes = 1024;

    /// <summary>The largest <see cref="MaxRecordBytes"/> accepted: 1 GiB.</summary>
    public const int MaxMaxRecordBytes = 1024 * 1024 * 1024;

    /// <summary>The default <see cref="MaxDiagnosticsPerFile"/>: 20.</summary>
    public const int DefaultMaxDiagnosticsPerFile = 20;

    /// <summary>The default <see cref="MaxDepth"/>: 64 levels of JSON nesting.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The largest <see cref="MaxDepth"/> accepted: 1,000.</summary>
    public const int MaxMaxDepth = 1000;

    /// <summary>The defaults.</summary>
    public static LogReadOptions Default { get; } = new();

    /// <summary>The format of every file, or <see cref="LogFormat.Auto"/> (the default) to detect it per file.</summary>
    public LogFormat Format { get; init; } = LogFormat.Auto;

    /// <summary>
    /// The largest record (one JSON value, or one flow log line) read, in bytes; larger records are skipped with a
    /// diagnostic and streamed to the quarantine without being held in memory. Default
    /// <see cref="DefaultMaxRecordBytes"/>; from <see cref="MinMaxRecordBytes"/> to <see cref="MaxMaxRecordBytes"/>.
    /// </summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>
    /// How many problems are reported in detail per file before one summary diagnostic stands for the rest
    /// (every skipped record is still counted and quarantined). Default <see cref="DefaultMaxDiagnosticsPerFile"/>; 0 or more.
    /// </summary>
    public int MaxDiagnosticsPerFile { get; init; } = DefaultMaxDiagnosticsPerFile;

    /// <summary>The deepest JSON nesting accepted in a record. Default <see cref="DefaultMaxDepth"/>; from 1 to <see cref="MaxMaxDepth"/>.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Throws when a limit is out of its documented range (a programmer error, not a user-input problem).</summary>
    internal void Validate()
    {
        Core.Guard.InRange(MaxRecordBytes, MinMaxRecordBytes, MaxMaxRecordBytes);
        Core.Guard.InRange(MaxDiagnosticsPerFile, 0, int.MaxValue);
        Core.Guard.InRange(MaxDepth, 1, MaxMaxDepth);
        if (!Enum.IsDefined(Format))
            throw new ArgumentOutOfRangeException(nameof(Format), Format, "Unknown log format.");
    }
}
