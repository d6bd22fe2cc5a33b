using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Picks the importer a path needs and imports several paths into one <see cref="Inventory"/>. Detection, in order:
/// a directory with <c>service.Operation_N.json</c> files is a placebo recording (<see cref="RecordedResponseImporter"/>);
/// a directory with region folders (<c>us-east-1</c>, <c>global</c>) at its first or second level is a CLI export
/// (<see cref="CliExportImporter"/>); any other directory, and any file, is read as AWS Config items
/// (<see cref="ConfigItemImporter"/>), which reports files that hold none. The Config items of every input are taken as
/// one history, so an item in one file can supersede, or end, a resource read from another.
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
    public static ResourceInventory Import(IEnumerable<string> paths, IDiagnosticSink diagnostics) =>
        Import(paths, InventoryImportOptions.Default, diagnostics);

    /// <summary>
    /// Imports every path with the importer it needs, as <paramref name="options"/> say, and merges the results; a path
    /// that does not exist is reported. As of an instant, inputs that are not Config items are one capture without a
    /// history: they are taken as read and reported (<see cref="InventoryDiagnostics.NoCaptureTimeCode"/>).
    /// </summary>
    public static ResourceInventory Import(IEnumerable<string> paths, InventoryImportOptions options, IDiagnosticSink diagnostics) =>
        Import(paths, [options], diagnostics)[0];

    /// <summary>
    /// Reads every path once and builds one inventory for each of <paramref name="views"/> (the state at two instants, say):
    /// problems reading the inputs are reported once, and what each view keeps or skips is reported for that view.
    /// </summary>
    public static ImmutableArray<ResourceInventory> Import(IEnumerable<string> paths, IReadOnlyList<InventoryImportOptions> views, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(paths);
        Guard.NotNull(views);
        Guard.NotNull(diagnostics);
        var inputs = paths.ToList();
        var captures = new List<(string Path, string Importer, ImmutableArray<CloudResource> Resources)>();
        var configItems = new List<ConfigItemRecord>();
        foreach (var path in inputs)
        {
            switch (Detect(path))
            {
                case null:
                    diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), "no such file or directory"));
                    break;
                case ConfigItemImporter:
                    configItems.AddRange(ConfigItemImporter.Read(path, diagnostics));
                    break;
                case var importer:
                    captures.Add((path, importer.Name, importer.Import(path, diagnostics)));
                    break;
            }
        }

        var inventories = ImmutableArray.CreateBuilder<ResourceInventory>(views.Count);
        foreach (var view in views)
        {
            Guard.NotNull(view);
            var resources = new List<CloudResource>();
            foreach (var (path, importer, found) in captures)
            {
                if (view.AsOf is { } instant)
                    diagnostics.Report(InventoryDiagnostics.NotAHistory(new SourceLocation(path), importer, instant));
                resources.AddRange(found);
            }

            resources.AddRange(ConfigItemImporter.Select(configItems, view.AsOf, diagnostics));
            inventories.Add(ResourceInventory.Create(resources, inputs, diagnostics));
        }

        return inventories.MoveToImmutable();
    }
}
