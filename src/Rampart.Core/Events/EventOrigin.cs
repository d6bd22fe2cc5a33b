using Rampart.Core.Diagnostics;

namespace Rampart.Core.Events;

/// <summary>Where an event was read from.</summary>
/// <param name="Path">The file, as given by the user or found under a directory.</param>
/// <param name="Line">1-based line in the (decompressed) file where the record starts, or 0.</param>
/// <param name="Record">1-based record number within the file.</param>
public readonly record struct EventOrigin(string Path, long Line, long Record)
{
    /// <summary>The origin as a diagnostic location.</summary>
    public SourceLocation ToLocation() => new(Path, Line, 0, Record);

    /// <inheritdoc />
    public override string ToString() => ToLocation().ToString();
}
