using System.Text.RegularExpressions;
using Rampart.Testing;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>docs/sigmahq-conformance.md lists every fixture with its counts; this keeps the table honest.</summary>
public sealed partial class SigmaHqDocumentationTests
{
    [Fact]
    public void TheConformanceDocumentListsEveryFixtureWithItsCounts()
    {
        var document = File.ReadAllLines(RepositoryPaths.Combine("docs", "sigmahq-conformance.md"));
        var rows = document.Select(line => TableRow().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => (Positives: int.Parse(m.Groups["positives"].Value), NearMisses: int.Parse(m.Groups["misses"].Value)), StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var ruleId in SigmaHqFixtures.RuleIds)
        {
            var fixtures = SigmaHqFixtures.For(ruleId);
            var actual = (Positives: fixtures.Count(f => f.ShouldMatch), NearMisses: fixtures.Count(f => !f.ShouldMatch));
            if (!rows.TryGetValue(ruleId, out var listed))
                problems.Add($"{ruleId}: missing from the table");
            else if (listed != actual)
                problems.Add($"{ruleId}: the table says {listed.Positives} positive(s) and {listed.NearMisses} near miss(es), the fixture has {actual.Positives} and {actual.NearMisses}");
        }

        problems.AddRange(rows.Keys.Except(SigmaHqFixtures.RuleIds, StringComparer.Ordinal).Select(id => $"{id}: in the table but has no fixture"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [GeneratedRegex(@"^\|\s*`(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`\s*\|[^|]*\|[^|]*\|\s*(?<positives>\d+)\s*\|\s*(?<misses>\d+)\s*\|")]
    private static partial Regex TableRow();
}
