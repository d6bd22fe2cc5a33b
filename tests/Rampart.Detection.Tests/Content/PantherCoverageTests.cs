using System.Globalization;
using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Testing;
using Xunit.Abstractions;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// How the built-in pack covers Panther's labelled detection tests (panther-labs/panther-analysis, in the shared
/// datasets): for each Panther rule whose intent pack rules share (content/detections/coverage/panther.tsv), how
/// many of its positive events those rules catch and how many of its negative events they flag; and how many of
/// all of Panther's CloudTrail negatives any pack rule alerts on. The figures are printed (run with
/// <c>--logger "console;verbosity=detailed"</c>) and held by floors, so a change that loses coverage or adds noise
/// fails; raise the floors when coverage improves. See docs/coverage.md.
/// </summary>
public sealed class PantherCoverageTests(ITestOutputHelper output)
{
    // Measured on the pack and datasets of this commit: 46 of 73 positives caught (31 alerted on, 15 feeding a
    // correlation), 9 of 76 negatives alerted on; 35 of Panther's 123 CloudTrail negatives alerted on by some rule.
    private const int MappedPantherRules = 57;
    private const int PositivesCaughtFloor = 80;
    private const int PositivesAlertedFloor = 63;
    private const int MappedNegativesAlertedCeiling = 9;
    private const int CloudTrailNegativesAlertedCeiling = 37;

    private static readonly string Pack = RepositoryPaths.Combine("content", "detections");

    private static readonly string MapPath = Path.Combine(Pack, "coverage", "panther.tsv");

    [Fact]
    public void TheMapNamesTopLevelRulesOfThePackOncePerPantherRule()
    {
        var problems = new List<string>();
        var entries = PantherCoverageEntry.Read(MapPath, problems);
        var topLevel = TopLevelIds();

        foreach (var entry in entries)
        {
            foreach (var id in entry.OurRuleIds.Where(id => !topLevel.Contains(id)))
                problems.Add($"{MapPath}:{entry.Line}: {id} is not the id of the first document of a pack file");
        }

        foreach (var duplicate in entries.GroupBy(entry => entry.PantherRuleId, StringComparer.Ordinal).Where(group => group.Count() > 1))
            problems.Add($"{MapPath}: {duplicate.Key} is listed {duplicate.Count()} times");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(entries.Count >= MappedPantherRules, $"only {entries.Count} Panther rules mapped");
    }

    [SkippableFact]
    public void EveryMappedPantherRuleAndEveryMappedPackRuleIsLoaded()
    {
        var run = PantherCoverageRun.Require();
        var entries = PantherCoverageEntry.Read(MapPath, []);

        Assert.False(run.PackDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), string.Join('\n', run.PackDiagnostics));
        var problems = entries.Where(entry => !run.PantherRules.ContainsKey(entry.PantherRuleId))
            .Select(entry => $"{MapPath}:{entry.Line}: no Panther rule {entry.PantherRuleId} in the datasets")
            .Concat(entries.SelectMany(entry => entry.OurRuleIds.Where(id => run.Target(id) is null)
                .Select(id => $"{MapPath}:{entry.Line}: rule {id} did not load")))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [SkippableFact]
    public void PantherCoverageOfTheMappedRulesHoldsItsMeasuredLevel()
    {
        var run = PantherCoverageRun.Require();
        var entries = PantherCoverageEntry.Read(MapPath, []);
        var table = new StringBuilder();
        var missed = new List<string>();
        var flagged = new List<string>();
        var unread = new List<string>();
        int positives = 0, alerted = 0, fed = 0, negatives = 0, negativesAlerted = 0, negativesFed = 0, withEvents = 0;

        table.AppendLine(CultureInfo.InvariantCulture, $"{"Panther rule",-46} {"positives",-18} {"negatives",-18} our rules");
        table.AppendLine(CultureInfo.InvariantCulture, $"{"",-46} {"alert feed  miss",-18} {"alert feed quiet",-18}");
        foreach (var entry in entries)
        {
            var targets = entry.OurRuleIds.Select(run.Target).OfType<PackTarget>().ToList();
            var events = run.Events.Where(result => result.Rule.RuleId == entry.PantherRuleId).ToList();
            unread.AddRange(events.Where(result => !result.IsRead).Select(result => $"{result}: {string.Join("; ", result.Problems)}"));
            var counts = new int[2, 3];
            foreach (var result in events.Where(result => result.IsRead))
            {
                var outcome = run.Outcome(result, targets);
                counts[result.Test.ExpectedResult ? 0 : 1, (int)outcome]++;
                if (result.Test.ExpectedResult && outcome == PantherOutcome.Quiet)
                    missed.Add(result.ToString());
                else if (!result.Test.ExpectedResult && outcome != PantherOutcome.Quiet)
                    flagged.Add($"{result} ({(outcome == PantherOutcome.Alerts ? "alert" : "feeds a correlation")})");
            }

            withEvents += events.Count > 0 ? 1 : 0;
            positives += counts[0, 0] + counts[0, 1] + counts[0, 2];
            alerted += counts[0, 2];
            fed += counts[0, 1];
            negatives += counts[1, 0] + counts[1, 1] + counts[1, 2];
            negativesAlerted += counts[1, 2];
            negativesFed += counts[1, 1];
            table.AppendLine(CultureInfo.InvariantCulture, $"{entry.PantherRuleId,-46} {counts[0, 2],5} {counts[0, 1],4} {counts[0, 0],5}    {counts[1, 2],5} {counts[1, 1],4} {counts[1, 0],5}    {string.Join(" | ", targets.Select(target => target.Title))}");
        }

        var caught = alerted + fed;
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"{entries.Count} Panther rules mapped, {withEvents} with test events.");
        table.AppendLine(CultureInfo.InvariantCulture, $"Positives caught: {caught}/{positives} ({Percent(caught, positives)}): {alerted} by a rule that alerts, {fed} feed a correlation (one event cannot meet its threshold or sequence).");
        table.AppendLine(CultureInfo.InvariantCulture, $"Negatives flagged: {negativesAlerted}/{negatives} alerted (false positives, {Percent(negativesAlerted, negatives)}); {negativesFed} more feed a correlation only.");
        table.AppendLine(CultureInfo.InvariantCulture, $"Correlations completed by a single test event: {run.Events.Sum(result => result.CorrelationHits)}.");
        table.AppendLine().AppendLine("Positives missed:");
        missed.ForEach(line => table.AppendLine("  " + line));
        table.AppendLine("Negatives flagged:");
        flagged.ForEach(line => table.AppendLine("  " + line));
        output.WriteLine(table.ToString());

        Assert.True(unread.Count == 0, "test events the readers did not read as Panther labels them:\n" + string.Join('\n', unread));
        Assert.True(caught >= PositivesCaughtFloor, $"positives caught fell to {caught} (floor {PositivesCaughtFloor})");
        Assert.True(alerted >= PositivesAlertedFloor, $"positives alerted on fell to {alerted} (floor {PositivesAlertedFloor})");
        Assert.True(negativesAlerted <= MappedNegativesAlertedCeiling, $"false positives rose to {negativesAlerted} (ceiling {MappedNegativesAlertedCeiling})");
    }

    [SkippableFact]
    public void PantherCoverageOverAllCloudTrailNegativesHoldsItsMeasuredLevel()
    {
        var run = PantherCoverageRun.Require();
        var negatives = run.Events.Where(result => result.Test.LogType == "AWS.CloudTrail" && !result.Test.ExpectedResult).ToList();
        var unread = negatives.Where(result => !result.IsRead).Select(result => $"{result}: {string.Join("; ", result.Problems)}").ToList();
        var outcomes = negatives.Where(result => result.IsRead).Select(result => (Result: result, Outcome: run.Outcome(result))).ToList();
        var alerted = outcomes.Where(pair => pair.Outcome == PantherOutcome.Alerts).ToList();
        var fed = outcomes.Count(pair => pair.Outcome == PantherOutcome.Feeds);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Panther CloudTrail negatives (all rules, {negatives.Count} events): {alerted.Count} alerted by some pack rule ({Percent(alerted.Count, negatives.Count)}), {fed} more feed a correlation only.");
        var cisOnly = alerted.Count(pair => pair.Result.Matched.Where(run.Engine.Generates).All(rule => rule.Tags.Any(tag => tag.StartsWith("cis.", StringComparison.Ordinal))));
        report.AppendLine(CultureInfo.InvariantCulture, $"Of those, {cisOnly} only by CIS monitoring rules, which count every matching call by design.");
        report.AppendLine("Alerting rules:");
        foreach (var group in alerted.SelectMany(pair => pair.Result.Matched.Where(run.Engine.Generates))
            .GroupBy(rule => rule.Title, StringComparer.Ordinal).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {group.Count(),3}  {group.Key}");
        }

        report.AppendLine("Events:");
        foreach (var (result, _) in alerted)
            report.AppendLine(CultureInfo.InvariantCulture, $"  {result}: {string.Join(" | ", result.Matched.Where(run.Engine.Generates).Select(rule => rule.Title))}");
        output.WriteLine(report.ToString());

        Assert.True(unread.Count == 0, "CloudTrail test events the readers did not read:\n" + string.Join('\n', unread));
        Assert.True(alerted.Count <= CloudTrailNegativesAlertedCeiling, $"alerts on Panther's CloudTrail negatives rose to {alerted.Count} (ceiling {CloudTrailNegativesAlertedCeiling})");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    // The id of the first document of every rule file: what a pack rule is known by outside the pack.
    private static HashSet<string> TopLevelIds()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Pack, "*.yml", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("---", StringComparison.Ordinal))
                    break;
                if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    ids.Add(line["id:".Length..].Trim().Trim('\'', '"'));
                    break;
                }
            }
        }

        return ids;
    }
}
