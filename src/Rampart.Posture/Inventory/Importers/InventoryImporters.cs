using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Picks the importer a path needs and imports several paths into one <see cref="Inventory"/>. Detection, in order:
/// a directory with <c>service.Operation_N.json</c> files is a placebo recording (<see cref="RecordedResponseImporter"/>);
/// a directory with region folders (<c>us-east-1</c>, <c>global</c>) at its first or second level is a CLI export
/// (<see cref="CliExportImporter"/>); any other directory, and any file, is read as AWS Config items
/// (<see cref="ConfigItemImporter"/>), which reports files that hold none.
/// </summary>
public static class InventoryImporters
{
    /// <summary>The importer for <paramref name="path"/>, or null when the path does not exist.</summary>
    public static IInventoryImporter? Detect(string path)
    {
        Guard.NotNull(path);
        if (Directory.Exists(path))
        {
            if (RecordedResponseImporter.LooksLikeRecording(path))
                return new RecordedResponseImporter();
            return CliExportImporter.LooksLikeExport(path) ? new CliExportImporter() : new ConfigItemImporter();
        }

        return File.Exists(path) ? new ConfigItemImporter() : null;
    }

    /// <summary>Imports every path with the importer it needs and merges the results; a path that does not exist is reported.</summary>
    public static ResourceInventory Import(IEnumerable<string> paths, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(paths);
        Guard.NotNull(diagnostics);
        var inputs = paths.ToList();
        var resources = new List<CloudResource>();
        foreach (var path in inputs)
        {
            if (Detect(path) is not { } importer)
            {
                diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), "no such file or directory"));
                continue;
            }

            resources.AddRange(importer.Import(path, diagnostics));
        }

        return ResourceInventory.Create(resources, inputs, diagnostics);
    }
}
