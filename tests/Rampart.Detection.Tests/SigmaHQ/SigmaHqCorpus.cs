using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// The SigmaHQ rules of the shared datasets, read in place and loaded unmodified through
/// <see cref="SigmaRuleSet.Load"/> with our placeholder file. Loaded once per test run.
/// </summary>
internal sealed partial class SigmaHqCorpus
{
    /// <summary>The dataset folders whose rules the suite covers (the v1-aggregation rules in <c>sigma/aws/unsupported</c> are not).</summary>
    public static readonly ImmutableArray<string> RuleFolders =
        ["sigma/aws/rules", "sigma/aws/rules-placeholder", "sigma/network/rules", "sigma/network/rules-threat-hunting"];

    private static readonly ConcurrentDictionary<string, Lazy<SigmaHqCorpus>> Cache = new(StringComparer.Ordinal);

    private SigmaHqCorpus(ImmutableArray<string> folders)
    {
        Folders = folders;
        RuleFiles = FindRuleFiles(folders);
        var bag = new DiagnosticBag();
        var options = SigmaOptions.WithPlaceholderFile(SigmaHqFixtures.PlaceholderFile, bag);
        RuleSet = SigmaRuleSet.Load(folders, options, bag);
        Diagnostics = bag.ToImmutableArray();
        Rules = RuleSet.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The dataset folders that were loaded.</summary>
    public ImmutableArray<string> Folders { get; }

    /// <summary>Every rule file of the folders, by the <c>id</c> written in it.</summary>
    public ImmutableDictionary<string, string> RuleFiles { get; }

    /// <summary>The loaded rule set.</summary>
    public SigmaRuleSet RuleSet { get; }

    /// <summary>Everything the loader reported (including the placeholder file).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The rules that compiled, by id.</summary>
    public ImmutableDictionary<string, SigmaRule> Rules { get; }

    /// <summary>The corpus; skips the test when the datasets are absent.</summary>
    public static SigmaHqCorpus Require()
    {
        ImmutableArray<string> folders = [.. RuleFolders.Select(Datasets.Require)];
        return Cache.GetOrAdd(string.Join('|', folders), _ => new Lazy<SigmaHqCorpus>(() => new SigmaHqCorpus(folders))).Value;
    }

    /// <summary>The path of the dataset file that holds the rule <paramref name="ruleId"/>.</summary>
    public string FileOf(string ruleId) =>
        RuleFiles.TryGetValue(ruleId, out var path) ? path : throw new InvalidOperationException($"no rule {ruleId} in {string.Join(", ", Folders)}");

    /// <summary>The compiled rule <paramref name="ruleId"/>; fails the test with the loader's diagnostics when it did not compile.</summary>
    public SigmaRule Rule(string ruleId)
    {
        if (Rules.TryGetValue(ruleId, out var rule))
            return rule;
        Assert.Fail($"rule {ruleId} ({FileOf(ruleId)}) did not load:\n{string.Join('\n', Diagnostics)}");
        return null!;
    }

    /// <summary>Whether the rule <paramref name="ruleId"/> is among the rules that fire on <paramref name="logEvent"/>.</summary>
    public bool Fires(string ruleId, LogEvent logEvent)
    {
        Rule(ruleId);
        return FiringRules(logEvent).Any(r => r.Id == ruleId);
    }

    /// <summary>Every rule that fires on <paramref name="logEvent"/>.</summary>
    public List<SigmaRule> FiringRules(LogEvent logEvent)
    {
        var matches = new List<SigmaRule>();
        RuleSet.Match(logEvent, matches);
        return matches;
    }

    /// <summary>Finds each rule file's top-level <c>id:</c> without parsing YAML, so that a file that does not load is still counted.</summary>
    public static ImmutableDictionary<string, string> FindRuleFiles(IEnumerable<string> folders)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                         .Where(p => p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                         .Order(StringComparer.Ordinal))
            {
                var match = TopLevelId().Match(File.ReadAllText(path));
                if (match.Success)
                    result[match.Groups["id"].Value] = path;
            }
        }

        return result.ToImmutable();
    }

    [GeneratedRegex("""^id:[ \t]*['"]?(?<id>[0-9A-Za-z-]+)""", RegexOptions.Multiline)]
    private static partial Regex TopLevelId();
}
