using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;
using Rampart.Logs;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// The whole built-in pack run over every Panther test event of an AWS log type we read (CloudTrail, VPC flow,
/// Route 53 Resolver, GuardDuty). Each event goes through the real readers with format detection, as
/// <c>rampart hunt</c> reads a file, then through the rule set and a correlation engine of its own. Built once per
/// test run.
/// </summary>
internal sealed class PantherCoverageRun
{
    private static readonly ConcurrentDictionary<string, Lazy<PantherCoverageRun>> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> SourceTypes = new(StringComparer.Ordinal)
    {
        ["AWS.CloudTrail"] = LogSourceTypes.CloudTrail,
        ["AWS.VPCFlow"] = LogSourceTypes.VpcFlow,
        ["AWS.VPCDns"] = LogSourceTypes.Route53Resolver,
        ["AWS.GuardDuty"] = LogSourceTypes.GuardDuty,
    };

    private static readonly IEqualityComparer<SigmaRule> ByReference = ReferenceEqualityComparer.Instance;

    private readonly Dictionary<string, PackTarget> _targets = new(StringComparer.OrdinalIgnoreCase);

    private PantherCoverageRun(string pantherRules, string pack)
    {
        var bag = new DiagnosticBag();
        Rules = SigmaRuleSet.Load([pack], SigmaOptions.Default, bag);
        PackDiagnostics = bag.ToImmutableArray();
        Engine = new CorrelationEngine(Rules, TimeSpan.Zero);
        IndexTargets();

        var files = Directory.GetFiles(pantherRules, "*.yml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(PantherRuleFile.Load)
            .ToList();
        PantherRules = files.GroupBy(file => file.RuleId, StringComparer.Ordinal).ToImmutableDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var events = ImmutableArray.CreateBuilder<PantherEventResult>();
        foreach (var file in files)
        {
            for (var i = 0; i < file.Tests.Length; i++)
            {
                var test = file.Tests[i];
                if (test.LogType is { } logType && SourceTypes.TryGetValue(logType, out var sourceType))
                    events.Add(Evaluate(file, test, i, sourceType));
                else
                    OtherLogTypes++;
            }
        }

        Events = events.ToImmutable();
    }

    /// <summary>The pack as loaded.</summary>
    public SigmaRuleSet Rules { get; }

    /// <summary>What loading the pack reported.</summary>
    public ImmutableArray<Diagnostic> PackDiagnostics { get; }

    /// <summary>Tells rules that report their own matches from those that only feed correlations.</summary>
    public CorrelationEngine Engine { get; }

    /// <summary>Every Panther rule of the datasets, by RuleID.</summary>
    public ImmutableDictionary<string, PantherRuleFile> PantherRules { get; }

    /// <summary>Every test event of an AWS log type we read, in file order.</summary>
    public ImmutableArray<PantherEventResult> Events { get; }

    /// <summary>Test events of other products (Okta, OCSF, Zoom …) that are not ours to read.</summary>
    public int OtherLogTypes { get; }

    /// <summary>The run; skips the test when the datasets are absent.</summary>
    public static PantherCoverageRun Require()
    {
        var root = Datasets.Require(Path.Combine("panther", "rules"));
        var pack = RepositoryPaths.Combine("content", "detections");
        return Cache.GetOrAdd(root, _ => new Lazy<PantherCoverageRun>(() => new PantherCoverageRun(root, pack))).Value;
    }

    /// <summary>The loaded rule or correlation with this id, or null.</summary>
    public PackTarget? Target(string id) => _targets.GetValueOrDefault(id);

    /// <summary>What <paramref name="targets"/> did with the event: the strongest outcome of any of them.</summary>
    public PantherOutcome Outcome(PantherEventResult result, IEnumerable<PackTarget> targets)
    {
        var outcome = PantherOutcome.Quiet;
        foreach (var target in targets)
        {
            if (target.Rule is { } rule && result.Matched.Contains(rule))
            {
                if (Engine.Generates(rule))
                    return PantherOutcome.Alerts;
                outcome = PantherOutcome.Feeds;
            }
            else if (target.Feeders.Overlaps(result.Matched))
            {
                outcome = PantherOutcome.Feeds;
            }
        }

        return outcome;
    }

    /// <summary>What the whole pack did with the event.</summary>
    public PantherOutcome Outcome(PantherEventResult result) =>
        result.Matched.Any(Engine.Generates) ? PantherOutcome.Alerts
        : result.Matched.IsEmpty ? PantherOutcome.Quiet
        : PantherOutcome.Feeds;

    private PantherEventResult Evaluate(PantherRuleFile file, PantherTest test, int index, string expectedSourceType)
    {
        var diagnostics = new DiagnosticBag();
        var context = new LogReadContext(diagnostics);
        var matched = new List<SigmaRule>();
        var engine = new CorrelationEngine(Rules, TimeSpan.FromMinutes(15));
        var hits = new List<CorrelationMatch>();
        var problems = new List<string>();
        string? sourceType = null;
        var read = 0;

        // A hunt reads files and detects their format; one JSON record per test keeps events from mixing.
        var name = $"panther/{Path.GetFileNameWithoutExtension(file.Path)}/{index}.json";
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(test.Json)))
        {
            foreach (var logEvent in LogReader.Read(stream, name, LogReadOptions.Default, context))
            {
                read++;
                sourceType = logEvent.SourceType;
                Rules.Match(logEvent, matched);
                var summary = logEvent.Summarize();
                foreach (var rule in matched.Where(engine.IsCorrelated))
                    engine.Add(engine.Observe(rule, logEvent, summary), hits);
            }
        }

        engine.Complete(hits);
        problems.AddRange(diagnostics.ToImmutableArray().Select(diagnostic => diagnostic.ToString()));
        if (read != 1)
            problems.Add($"{read} events read instead of one");
        else if (sourceType != expectedSourceType)
            problems.Add($"read as {sourceType}, not {expectedSourceType}");
        return new PantherEventResult(file, test, problems.Count == 0 ? sourceType : null, [.. matched], [.. problems], hits.Count);
    }

    private void IndexTargets()
    {
        foreach (var rule in Rules.Rules)
            _targets.TryAdd(rule.Id, new PackTarget(rule.Id, rule.Title, rule, ImmutableHashSet.Create<SigmaRule>(ByReference)));
        foreach (var correlation in Rules.ResolvedCorrelations)
        {
            var feeders = new HashSet<SigmaRule>(ByReference);
            Collect(correlation, feeders);
            _targets.TryAdd(correlation.Rule.Id, new PackTarget(correlation.Rule.Id, correlation.Rule.Title, null, feeders.ToImmutableHashSet(ByReference)));
        }

        static void Collect(ResolvedCorrelation correlation, HashSet<SigmaRule> feeders)
        {
            foreach (var source in correlation.Sources)
            {
                if (source is SigmaRule rule)
                    feeders.Add(rule);
                else if (source is ResolvedCorrelation inner)
                    Collect(inner, feeders);
            }
        }
    }
}
