using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// Runs every SigmaHQ AWS, placeholder and network rule of the shared datasets, unmodified, over our
/// hand-written events: each rule must fire on its positives and stay quiet on its near misses.
/// </summary>
public sealed class SigmaHqConformanceTests
{
    public static TheoryData<string, int> FixtureLines()
    {
        var data = new TheoryData<string, int>();
        foreach (var fixture in SigmaHqFixtures.All)
            data.Add(fixture.RuleId, fixture.Line);
        return data;
    }

    [SkippableFact]
    public void EveryDatasetRuleLoadsWithoutAnError()
    {
        var corpus = SigmaHqCorpus.Require();

        var errors = corpus.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the SigmaHQ rules must load without errors:\n" + string.Join('\n', errors));
        var notLoaded = corpus.RuleFiles.Where(pair => !corpus.Rules.ContainsKey(pair.Key)).Select(pair => $"{pair.Key} ({pair.Value})").ToList();
        Assert.True(notLoaded.Count == 0, "these rules did not load:\n" + string.Join('\n', notLoaded) + "\ndiagnostics:\n" + string.Join('\n', corpus.Diagnostics));
        Assert.Equal(67, corpus.RuleFiles.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(FixtureLines))]
    public void EachFixtureEventFiresItsRuleExactlyWhenItShould(string ruleId, int line)
    {
        var corpus = SigmaHqCorpus.Require();
        var fixture = SigmaHqFixtures.Get(ruleId, line);
        var rule = corpus.Rule(ruleId);

        var fired = corpus.Fires(ruleId, fixture.ToEvent());

        Assert.True(
            fired == fixture.ShouldMatch,
            $"'{rule.Title}' ({corpus.FileOf(ruleId)}) {(fired ? "fired" : "did not fire")} on {fixture}");
    }

    [SkippableFact]
    public void RulesOnlyFireOnEventsOfTheLogSourceTheyAreWrittenFor()
    {
        var corpus = SigmaHqCorpus.Require();
        var wrong = new List<string>();

        foreach (var fixture in SigmaHqFixtures.All)
        {
            foreach (var rule in corpus.FiringRules(fixture.ToEvent()).Where(r => r.SourceType != fixture.SourceType))
                wrong.Add($"{rule.Id} '{rule.Title}' ({rule.SourceType}) fired on a {fixture.SourceType} event: {fixture}");
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [SkippableFact]
    public void EveryDatasetRuleHasAFixtureWithAPositiveAndANearMiss()
    {
        var corpus = SigmaHqCorpus.Require();
        var problems = new List<string>();

        foreach (var (ruleId, path) in corpus.RuleFiles.OrderBy(pair => pair.Value, StringComparer.Ordinal))
        {
            var fixtures = SigmaHqFixtures.For(ruleId);
            var positives = fixtures.Count(f => f.ShouldMatch);
            var nearMisses = fixtures.Length - positives;
            if (fixtures.IsEmpty)
                problems.Add($"{path}: no fixture file Events/{ruleId}.jsonl");
            else if (SigmaHqQuirks.NeverFire.TryGetValue(ruleId, out var reason))
            {
                // A rule that cannot fire on a real record has no honest positive; a "match" line would be invented data.
                if (positives != 0)
                    problems.Add($"{path}: listed as never firing ({reason}) but its fixture has {positives} positive(s)");
            }
            else if (positives == 0)
                problems.Add($"{path}: the fixture has no event the rule must fire on");

            if (!fixtures.IsEmpty && nearMisses == 0)
                problems.Add($"{path}: the fixture has no near miss the rule must not fire on");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [SkippableFact]
    public void EveryFixtureFileAndQuirkNamesARuleInTheDatasets()
    {
        var corpus = SigmaHqCorpus.Require();

        var orphans = SigmaHqFixtures.RuleIds
            .Concat(SigmaHqQuirks.NeverFire.Keys)
            .Concat(SigmaHqQuirks.FilterNeverApplies.Keys)
            .Concat(SigmaHqQuirks.ErrorCodeNullMeansSuccess)
            .Where(id => !corpus.RuleFiles.ContainsKey(id))
            .ToList();

        Assert.True(orphans.Count == 0, "no rule in the datasets has these ids: " + string.Join(", ", orphans));
    }

    [Fact]
    public void EveryFixtureLineIsWellFormed()
    {
        Assert.True(SigmaHqFixtures.Problems.IsEmpty, string.Join('\n', SigmaHqFixtures.Problems));
        Assert.NotEmpty(SigmaHqFixtures.All);
    }
}
