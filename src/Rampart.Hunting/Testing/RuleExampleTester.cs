using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;
using Rampart.Logs;

namespace Rampart.Hunting.Testing;

/// <summary>
/// Runs the examples kept beside rules: for a rule file <c>name.yml</c>, events in <c>name.match.*</c> that its
/// first rule must detect and events in <c>name.nomatch.*</c> it must not, in any format hunt reads (CloudTrail
/// records or JSON lines, flow logs with their header, Route 53 query logs). A detection rule is tried on each
/// event alone; a correlation rule on each file's events in order, and must fire (or not) over the whole file.
/// </summary>
public static class RuleExampleTester
{
    /// <summary>The suffix of files holding events a rule must detect.</summary>
    public const string MatchSuffix = ".match";

    /// <summary>The suffix of files holding events a rule must not detect.</summary>
    public const string NoMatchSuffix = ".nomatch";

    /// <summary>Runs every example of <paramref name="rules"/>; failures go to <paramref name="diagnostics"/>.</summary>
    public static RuleTestSummary Run(SigmaRuleSet rules, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(rules);
        Guard.NotNull(diagnostics);
        var summary = new RuleTestSummary();
        var byFile = rules.Rules.Select(rule => (Path: rule.Location.Path, Line: rule.Location.Line, Rule: (object)rule))
            .Concat(rules.Correlations.Select(rule => (Path: rule.Location.Path, Line: rule.Location.Line, Rule: (object)rule)))
            .Where(entry => entry.Path is not null)
            .GroupBy(entry => entry.Path!, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            var primary = file.MinBy(entry => entry.Line).Rule;
            var examples = Examples(file.Key);
            if (examples.Count == 0)
            {
                summary.Untested++;
                continue;
            }

            summary.Rules++;
            foreach (var (path, mustMatch) in examples)
                RunFile(rules, primary, path, mustMatch, diagnostics, summary);
        }

        return summary;
    }

    private static List<(string Path, bool MustMatch)> Examples(string ruleFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(ruleFile))!;
        var stem = Path.GetFileNameWithoutExtension(ruleFile);
        var found = new List<(string, bool)>();
        foreach (var path in Directory.EnumerateFiles(directory, stem + ".*").Order(StringComparer.Ordinal))
        {
            var rest = Path.GetFileName(path)[stem.Length..];
            if (rest.StartsWith(MatchSuffix + ".", StringComparison.Ordinal))
                found.Add((path, true));
            else if (rest.StartsWith(NoMatchSuffix + ".", StringComparison.Ordinal))
                found.Add((path, false));
        }

        return found;
    }

    private static void RunFile(SigmaRuleSet rules, object primary, string path, bool mustMatch, IDiagnosticSink diagnostics, RuleTestSummary summary)
    {
        var context = new LogReadContext(diagnostics);
        var matched = new List<SigmaRule>();
        var correlations = primary is SigmaCorrelation ? new CorrelationEngine(rules, TimeSpan.FromMinutes(15)) : null;
        var fired = new List<CorrelationMatch>();
        var events = 0;
        foreach (var logEvent in LogReader.ReadFile(path, LogReadOptions.Default, context))
        {
            events++;
            summary.Events++;
            matched.Clear();
            rules.Match(logEvent, matched);
            if (primary is SigmaRule rule)
            {
                var hit = matched.Contains(rule);
                if (hit != mustMatch)
                {
                    summary.Failures++;
                    diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, mustMatch ? Missed : Unwanted, Describe(rule.Title, rule.Id, mustMatch, $"record {events}"), logEvent.Origin.ToLocation()));
                }

                continue;
            }

            var summaryOfEvent = logEvent.Summarize();
            foreach (var match in matched.Where(correlations!.IsCorrelated))
                correlations.Add(correlations.Observe(match, logEvent, summaryOfEvent), fired);
        }

        if (primary is SigmaCorrelation correlation)
        {
            correlations!.Complete(fired);
            var hit = fired.Any(match => ReferenceEquals(match.Correlation, correlation));
            if (hit != mustMatch)
            {
                summary.Failures++;
                diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, mustMatch ? Missed : Unwanted, Describe(correlation.Title, correlation.Id, mustMatch, $"the {events} records"), new SourceLocation(path)));
            }
        }

        if (events == 0)
        {
            summary.Failures++;
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, NoEvents, "the example file holds no readable event.", new SourceLocation(path)));
        }
    }

    private static string Describe(string title, string id, bool mustMatch, string what) => mustMatch
        ? $"rule '{title}' ({id}) does not detect {what}, an example it must detect."
        : $"rule '{title}' ({id}) detects {what}, an example it must not detect.";

    /// <summary>A rule misses an event it must detect.</summary>
    public const string Missed = "TEST001";

    /// <summary>A rule detects an event it must not.</summary>
    public const string Unwanted = "TEST002";

    /// <summary>An example file holds no event.</summary>
    public const string NoEvents = "TEST003";
}

/// <summary>What <see cref="RuleExampleTester.Run"/> did.</summary>
public sealed class RuleTestSummary
{
    /// <summary>Rule files with examples.</summary>
    public int Rules { get; set; }

    /// <summary>Rule files without examples.</summary>
    public int Untested { get; set; }

    /// <summary>Example events read.</summary>
    public int Events { get; set; }

    /// <summary>Examples that failed.</summary>
    public int Failures { get; set; }
}
