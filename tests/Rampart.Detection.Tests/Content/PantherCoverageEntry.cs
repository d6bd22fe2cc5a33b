using System.Collections.Immutable;

namespace Rampart.Detection.Tests.Content;

/// <summary>One line of <c>content/detections/coverage/panther.tsv</c>: a Panther rule and the pack rules that share its intent.</summary>
internal sealed record PantherCoverageEntry(int Line, string PantherRuleId, ImmutableArray<string> OurRuleIds, string Note)
{
    /// <summary>The entries of the file; malformed lines are returned in <paramref name="problems"/>.</summary>
    public static List<PantherCoverageEntry> Read(string path, List<string> problems)
    {
        var entries = new List<PantherCoverageEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields.Any(field => field.Trim().Length == 0))
            {
                problems.Add($"{path}:{i + 1}: expected three tab-separated columns (Panther rule, our rule ids, note)");
                continue;
            }

            ImmutableArray<string> ours = [.. fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            entries.Add(new PantherCoverageEntry(i + 1, fields[0].Trim(), ours, fields[2].Trim()));
        }

        return entries;
    }
}
