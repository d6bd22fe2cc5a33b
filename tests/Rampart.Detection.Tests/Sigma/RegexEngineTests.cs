using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

public sealed class RegexEngineTests
{
    [Fact]
    public void ACatastrophicPatternIsAnsweredRightInsteadOfTimingOut()
    {
        // On a backtracking engine the first alternative takes exponential time on a long run of a's
        // that does not end the value, so the search runs out of time before reaching the 'b' and the
        // value would silently count as not matching. The linear-time engine finds the 'b'.
        var rules = Compile("""^(a+)+$|b""");

        Assert.True(Matches(rules, new string('a', 64) + "!b"));
        Assert.False(Matches(rules, new string('a', 64) + "!c"));
    }

    [Fact]
    public void APatternTheLinearEngineCannotRunFallsBackAndMatches()
    {
        // A backreference needs the backtracking engine.
        var rules = Compile("""^(ab)\1$""");

        Assert.True(Matches(rules, "abab"));
        Assert.False(Matches(rules, "abba"));
    }

    [Fact]
    public void ValuesMetAgainAreAnsweredAsTheRegexAnswersThem()
    {
        // Answers are remembered by value text in a small table; values that share a slot, and values met again after
        // others took their slot, must still get the regex's own answer.
        var rules = Compile("""^agent-[0-9]*7$""");
        var regex = new System.Text.RegularExpressions.Regex("^agent-[0-9]*7$");
        var values = Enumerable.Range(0, 3000).Select(i => "agent-" + (i * 7919 % 5003).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var value in values)
                Assert.Equal(regex.IsMatch(value), Matches(rules, value));
        }

        Assert.Contains(values, regex.IsMatch);
    }

    private static SigmaRuleSet Compile(string pattern)
    {
        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(
            $$"""
            title: Regex
            id: 7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    userAgent|re: '{{pattern}}'
                condition: selection
            level: low
            """,
            "regex.yml",
            SigmaOptions.Default,
            diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableArray()));
        Assert.Single(rules.Rules);
        return rules;
    }

    private static bool Matches(SigmaRuleSet rules, string userAgent)
    {
        var matches = new List<SigmaRule>();
        rules.Match(JsonLogEvent.Parse($$"""{"eventName":"X","userAgent":"{{userAgent}}"}""", LogSourceTypes.CloudTrail), matches);
        return matches.Count == 1;
    }
}
