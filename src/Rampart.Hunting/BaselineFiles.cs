using Rampart.Core.Diagnostics;
using Rampart.Detection.Correlation;

namespace Rampart.Hunting;

/// <summary>Reads and writes the file that keeps <c>new_value</c> baselines between hunts.</summary>
public static class BaselineFiles
{
    /// <summary>The state file cannot be read or is not a baseline state. Error; the hunt learns afresh and the file is kept aside.</summary>
    public const string Unreadable = "BASE001";

    /// <summary>The state file cannot be written. Error; what this hunt learned is lost.</summary>
    public const string Unwritable = "BASE002";

    /// <summary>Rules learn countries or network owners but no GeoIP database is given. Info; they learn nothing.</summary>
    public const string NoGeoIp = "BASE003";

    /// <summary>A GeoIP database cannot be opened. Error; the hunt does not start.</summary>
    public const string GeoIpUnreadable = "BASE004";

    /// <summary>Reported when rules need a GeoIP database and none is given.</summary>
    public static Diagnostic NoGeoIpInfo(SourceLocation at) =>
        new(DiagnosticSeverity.Info, NoGeoIp, "rules learn countries or network owners but no GeoIP database is given (--geoip FILE.mmdb); they learn nothing.", at);

    /// <summary>Reported when a GeoIP database cannot be opened.</summary>
    public static Diagnostic GeoIpUnreadableError(SourceLocation at, string detail) =>
        new(DiagnosticSeverity.Error, GeoIpUnreadable, "a GeoIP database cannot be opened: " + detail, at);

    /// <summary>Loads <paramref name="path"/> into <paramref name="engine"/> when it exists; a bad file is renamed <c>PATH.unreadable</c>.</summary>
    public static void Load(CorrelationEngine engine, string path, IDiagnosticSink diagnostics)
    {
        if (!File.Exists(path))
            return;
        string? problem;
        try
        {
            using var stream = File.OpenRead(path);
            problem = engine.LoadBaselines(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
        }

        if (problem is null)
            return;
        var aside = path + ".unreadable";
        try
        {
            File.Move(path, aside, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            aside = path + " (left in place: " + e.Message + ")";
        }

        diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, Unreadable, $"the baseline state cannot be used: {problem}; this hunt learns afresh, and the file was moved to {aside}.", new SourceLocation(path)));
    }

    /// <summary>Writes the baselines to <paramref name="path"/> through a temporary file, so a crash never leaves half a state.</summary>
    public static void Save(CorrelationEngine engine, string path, IDiagnosticSink diagnostics)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                Directory.CreateDirectory(folder);
            using (var stream = File.Create(temporary))
                engine.SaveBaselines(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, Unwritable, $"the baseline state cannot be written: {e.Message}", new SourceLocation(path)));
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Nothing more to do: the old state, if any, is intact.
            }
        }
    }
}
