using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>Runs every semantics case under <c>Cases/</c> (see <see cref="SigmaCase"/>).</summary>
public sealed class SigmaCaseTests
{
    public static TheoryData<string> Cases() => [.. SigmaCase.All()];

    [Fact]
    public void TheCasesCoverEveryTopic()
    {
        var topics = SigmaCase.All().Select(name => name.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["conditions", "files", "keywords", "mapping", "modifiers", "values"], topics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachEventMatchesExactlyTheRulesTheCaseExpects(string name)
    {
        var testCase = SigmaCase.Open(name);

        var (rules, diagnostics) = testCase.Load();

        Assert.Equal(testCase.ExpectedDiagnostics(), testCase.Relative(diagnostics));
        Assert.NotEmpty(rules.Rules);
        var sourceType = Assert.Single(rules.Rules.Select(rule => rule.SourceType).Distinct());
        var expected = testCase.ExpectedMatches();
        var lines = testCase.EventLines();
        Assert.All(expected.Keys, line => Assert.InRange(line, 1, lines.Count));
        Assert.True(expected.Count > 0 && expected.Count < lines.Count, $"case {name} must have matching and non-matching events");

        var failures = new List<string>();
        var matches = new List<SigmaRule>();
        var reference = new List<SigmaRule>();
        for (var i = 0; i < lines.Count; i++)
        {
            var logEvent = SigmaCase.Event(lines[i], sourceType, i + 1);
            matches.Clear();
            reference.Clear();
            rules.Match(logEvent, matches);
            rules.MatchWithoutIndex(logEvent, reference);
            var actual = matches.Select(rule => rule.Title).ToList();
            var wanted = expected.GetValueOrDefault(i + 1) ?? [];
            if (!actual.SequenceEqual(wanted))
                failures.Add($"line {i + 1}: expected [{string.Join(", ", wanted)}], matched [{string.Join(", ", actual)}]: {lines[i]}");
            if (!matches.SequenceEqual(reference))
                failures.Add($"line {i + 1}: the index matched [{string.Join(", ", actual)}] but trying every rule matched [{string.Join(", ", reference.Select(rule => rule.Title))}]");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
