using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.GameDays.Telemetry;

/// <summary>The catalog of telemetry option problems. Codes are stable; messages name the option and the allowed range.</summary>
public static class TelemetryDiagnostics
{
    /// <summary>GEN001: no output directory.</summary>
    public const string MissingOutputDirectory = "GEN001";

    /// <summary>GEN002: duration outside the allowed range.</summary>
    public const string DurationOutOfRange = "GEN002";

    /// <summary>GEN003: size outside the allowed range.</summary>
    public const string SizeOutOfRange = "GEN003";

    /// <summary>GEN004: account count outside the allowed range.</summary>
    public const string AccountsOutOfRange = "GEN004";

    /// <summary>GEN005: no regions, or too many.</summary>
    public const string RegionCount = "GEN005";

    /// <summary>GEN006: a region name that is not an AWS region code.</summary>
    public const string InvalidRegion = "GEN006";

    /// <summary>GEN007: a region listed twice.</summary>
    public const string DuplicateRegion = "GEN007";

    /// <summary>GEN008: no source selected.</summary>
    public const string NoSources = "GEN008";

    /// <summary>GEN009: parallelism outside the allowed range.</summary>
    public const string ParallelismOutOfRange = "GEN009";

    /// <summary>GEN010: a start time outside the years the generator supports.</summary>
    public const string StartOutOfRange = "GEN010";

    internal static Diagnostic Error(string code, string option, string message) =>
        new(DiagnosticSeverity.Error, code, message, new SourceLocation(option));

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
