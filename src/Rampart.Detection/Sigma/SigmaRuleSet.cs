using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Intel;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Indexing;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma;

/// <summary>
/// A frozen set of compiled Sigma rules, indexed by source type and by the field values each rule
/// requires, so that an event is only tried against the rules that can match it. Loading reports every
/// problem in every file and keeps every rule that compiles; <see cref="Match"/> is thread-safe and
/// allocation-free once warmed up. To reload, build a new set and swap it in.
/// </summary>
public sealed class SigmaRuleSet
{
    private readonly FrozenDictionary<string, SourceIndex> _indexes;
    private readonly Dictionary<SigmaRule, IReadOnlyList<IntelProbe>> _intelProbes = new(ReferenceEqualityComparer.Instance);

    private SigmaRuleSet(List<CompiledRule> rules, ImmutableArray<ResolvedCorrelation> correlations)
    {
        Rules = [.. rules.Select(rule => rule.Rule)];
        ResolvedCorrelations = correlations;
        Correlations = [.. correlations.Select(correlation => correlation.Rule)];
        var bySource = new Dictionary<string, List<CompiledRule>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!bySource.TryGetValue(rule.Rule.SourceType, out var list))
                bySource[rule.Rule.SourceType] = list = [];
            list.Add(rule);
            if (rule.IntelProbes.Count > 0)
                _intelProbes[rule.Rule] = rule.IntelProbes;
        }

        _indexes = bySource.ToFrozenDictionary(pair => pair.Key, pair => new SourceIndex(pair.Value), StringComparer.Ordinal);
    }

    /// <summary>The rules that compiled, in load order (files in the order given, directories in ordinal path order).</summary>
    public ImmutableArray<SigmaRule> Rules { get; }

    /// <summary>The correlation rules whose references all resolved, each after the correlations it refers to.</summary>
    public ImmutableArray<SigmaCorrelation> Correlations { get; }

    internal ImmutableArray<ResolvedCorrelation> ResolvedCorrelations { get; }

    /// <summary>The source types at least one rule runs over, from <see cref="LogSourceTypes"/>.</summary>
    public IEnumerable<string> SourceTypes => _indexes.Keys;

    /// <summary>
    /// Loads every <c>.yml</c>/<c>.yaml</c> file of <paramref name="paths"/> (files, or directories searched
    /// recursively, skipping hidden ones). Every problem goes to <paramref name="diagnostics"/> with its
    /// location; a broken rule never stops the others of its file or of the set.
    /// </summary>
    public static SigmaRuleSet Load(IEnumerable<string> paths, SigmaOptions options, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(paths);
        Guard.NotNull(options);
        Guard.NotNull(diagnostics);
        options.Validate();
        options = options.WithCaseInsensitivePlaceholders();
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Guard.NotNull(path);
            if (File.Exists(path))
                AddFile(path, files, seen);
            else if (Directory.Exists(path))
                AddDirectory(path, files, seen);
            else
                diagnostics.Report(SigmaDiagnostics.PathNotFoundError(new SourceLocation(path)));
        }

        var results = new (List<CompiledRule> Rules, List<SigmaCorrelation> Correlations, List<Diagnostic> Diagnostics)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var fileDiagnostics = new List<Diagnostic>();
            var correlations = new List<SigmaCorrelation>();
            var text = Loading.RuleFileText.Read(files[i], options.MaxFileBytes, fileDiagnostics);
            var rules = text is null ? [] : FileCompiler.Compile(text, files[i], options, fileDiagnostics, correlations);
            results[i] = (rules, correlations, fileDiagnostics);
        });

        var all = new List<CompiledRule>();
        var allCorrelations = new List<SigmaCorrelation>();
        foreach (var (rules, correlations, fileDiagnostics) in results)
        {
            foreach (var diagnostic in fileDiagnostics)
                diagnostics.Report(diagnostic);
            all.AddRange(rules);
            allCorrelations.AddRange(correlations);
        }

        return Build(all, allCorrelations, diagnostics);
    }

    /// <summary>Compiles the rules of one file's text; <paramref name="path"/> names it in diagnostics.</summary>
    public static SigmaRuleSet Parse(string yaml, string path, SigmaOptions options, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(yaml);
        Guard.NotNull(path);
        Guard.NotNull(options);
        Guard.NotNull(diagnostics);
        options.Validate();
        options = options.WithCaseInsensitivePlaceholders();
        var fileDiagnostics = new List<Diagnostic>();
        var correlations = new List<SigmaCorrelation>();
        var rules = FileCompiler.Compile(yaml, path, options, fileDiagnostics, correlations);
        foreach (var diagnostic in fileDiagnostics)
            diagnostics.Report(diagnostic);
        return Build(rules, correlations, diagnostics);
    }

    /// <summary>
    /// Appends to <paramref name="matches"/> every rule that matches <paramref name="logEvent"/>, in load
    /// order. Safe to call from many threads at once.
    /// </summary>
    public void Match(LogEvent logEvent, List<SigmaRule> matches)
    {
        Guard.NotNull(logEvent);
        Guard.NotNull(matches);
        if (!_indexes.TryGetValue(logEvent.SourceType, out var index))
            return;
        var scratch = MatchScratch.Current;
        scratch.BeginEvent();
        index.Match(logEvent, scratch, matches);
    }

    /// <summary>Whether <paramref name="rule"/> looks values up in threat-intelligence lists.</summary>
    public bool UsesIntel(SigmaRule rule) => _intelProbes.ContainsKey(Guard.NotNull(rule));

    /// <summary>
    /// The values of <paramref name="logEvent"/> that <paramref name="rule"/> found on threat-intelligence lists,
    /// each with its list and entry; empty for rules without lookups. Meant for events the rule matched.
    /// </summary>
    public ImmutableArray<IntelMatch> IntelMatches(SigmaRule rule, LogEvent logEvent)
    {
        Guard.NotNull(rule);
        Guard.NotNull(logEvent);
        if (!_intelProbes.TryGetValue(rule, out var probes))
            return [];
        var found = ImmutableArray.CreateBuilder<IntelMatch>();
        var values = new List<FieldValue>();
        foreach (var probe in probes)
        {
            values.Clear();
            logEvent.CollectValues(probe.Path, values);
            foreach (var value in values)
            {
                if (value.Kind != FieldValueKind.String || value.Text is not { } text)
                    continue;
                if (probe.List.TryMatch(text, out var indicator))
                {
                    var match = new IntelMatch(probe.List.Name, indicator, probe.Field, text);
                    if (!found.Contains(match))
                        found.Add(match);
                }
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Like <see cref="Match"/> but trying every rule of the source type: the reference for the index.</summary>
    internal void MatchWithoutIndex(LogEvent logEvent, List<SigmaRule> matches)
    {
        if (!_indexes.TryGetValue(logEvent.SourceType, out var index))
            return;
        var scratch = MatchScratch.Current;
        scratch.BeginEvent();
        index.MatchWithoutIndex(logEvent, scratch, matches);
    }

    /// <summary>How many rules of <paramref name="sourceType"/> the index cannot key, so every event tries them.</summary>
    internal int UnindexedCount(string sourceType) => _indexes.TryGetValue(sourceType, out var index) ? index.UnindexedCount : 0;

    private static SigmaRuleSet Build(List<CompiledRule> rules, List<SigmaCorrelation> correlations, IDiagnosticSink diagnostics)
    {
        var ids = new Dictionary<string, SigmaRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var compiled in rules)
        {
            var rule = compiled.Rule;
            if (ids.TryGetValue(rule.Id, out var first))
                diagnostics.Report(SigmaDiagnostics.DuplicateIdWarning(rule.Location, rule.Id, first.Location));
            else
                ids[rule.Id] = rule;
        }

        foreach (var correlation in correlations)
        {
            if (ids.TryGetValue(correlation.Id, out var first))
                diagnostics.Report(SigmaDiagnostics.DuplicateIdWarning(correlation.Location, correlation.Id, first.Location));
        }

        var resolved = ResolvedCorrelation.Resolve([.. rules.Select(rule => rule.Rule)], correlations, diagnostics);
        return new SigmaRuleSet(rules, resolved);
    }

    private static void AddFile(string path, List<string> files, HashSet<string> seen)
    {
        if (seen.Add(Path.GetFullPath(path)))
            files.Add(path);
    }

    private static void AddDirectory(string directory, List<string> files, HashSet<string> seen)
    {
        var found = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
        {
            if (IsRuleFile(file) && !IsInHiddenDirectory(Path.GetRelativePath(directory, file)))
                found.Add(file);
        }

        found.Sort(StringComparer.Ordinal);
        foreach (var file in found)
            AddFile(file, files, seen);
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private static bool IsInHiddenDirectory(string relative)
    {
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (segment.StartsWith('.'))
                return true;
        }

        return false;
    }
}
