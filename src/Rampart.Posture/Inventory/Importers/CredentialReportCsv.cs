using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// The IAM credential report: CSV with a header line, given by <c>get-credential-report</c> as base64 (the API and CLI)
/// or as plain text (some exports). Each row becomes an object keyed by the header's column names, values as text.
/// </summary>
internal static class CredentialReportCsv
{
    /// <summary>The CSV text, or null when the content is neither CSV nor base64 of it.</summary>
    public static string? Decode(string content)
    {
        if (content.StartsWith("user,", StringComparison.Ordinal))
            return content;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(content));
            return text.StartsWith("user,", StringComparison.Ordinal) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static IEnumerable<JsonObject> Rows(string csv, SourceLocation at, IDiagnosticSink diagnostics)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0].TrimEnd('\r'));
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = Fields(lines[i].TrimEnd('\r'));
            if (fields.Count != header.Count)
            {
                diagnostics.Report(new Diagnostic(
                    DiagnosticSeverity.Warning, InventoryDiagnostics.MissingMemberCode,
                    string.Create(CultureInfo.InvariantCulture, $"credential report row {i} has {fields.Count} fields where the header has {header.Count}; the fields present were read by position."),
                    at));
            }

            var row = new JsonObject();
            for (var j = 0; j < header.Count && j < fields.Count; j++)
                row[header[j]] = fields[j];
            yield return row;
        }
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
