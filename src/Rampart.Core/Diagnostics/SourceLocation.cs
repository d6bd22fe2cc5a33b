using System.Globalization;

namespace Rampart.Core.Diagnostics;

/// <summary>
/// Where a piece of user input sits: a file, and within it a 1-based line and column, and for log
/// files whose records share a line (a CloudTrail <c>Records</c> array) the 1-based record number.
/// Zero means "not known".
/// </summary>
/// <param name="Path">The file path as the user gave it.</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Record">1-based record number within the file, or 0.</param>
public readonly record struct SourceLocation(string Path, long Line = 0, long Column = 0, long Record = 0)
{
    /// <summary>Formats as <c>path:line:column</c>, followed by <c> record N</c> when a record number is known.</summary>
    public override string ToString()
    {
        var text = Path;
        if (Line > 0)
        {
            text += ":" + Line.ToString(CultureInfo.InvariantCulture);
            if (Column > 0)
                text += ":" + Column.ToString(CultureInfo.InvariantCulture);
        }

        if (Record > 0)
            text += " record " + Record.ToString(CultureInfo.InvariantCulture);
        return text;
    }
}
