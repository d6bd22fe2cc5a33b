using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>Reads resources from one kind of input. Never throws on bad input: problems are reported with their location and the rest is read.</summary>
public interface IInventoryImporter
{
    /// <summary>The importer's name, as <see cref="ResourceProvenance.Importer"/> and <c>--input-format</c> spell it.</summary>
    string Name { get; }

    /// <summary>The resources in <paramref name="path"/> (a file or directory).</summary>
    ImmutableArray<CloudResource> Import(string path, IDiagnosticSink diagnostics);
}
