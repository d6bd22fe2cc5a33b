using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;
using Rampart.Hunting.Output;
using Rampart.Logs;

namespace Rampart.Hunting;

/// <summary>
/// Composes readers and the Sigma engine: reads files in parallel, matches every event against the
/// rule set, and hands hits to a writer in input order (file by file, record by record), so the
/// output does not depend on the number of threads.
/// </summary>
public sealed class HuntRunner
{
    /// <summary>How many files per thread may be finished ahead of the one the writer waits for.</summary>
    public const int FilesAheadPerThread = 8;

    private static readonly FieldPath FindingType = FieldPath.Parse("type");
    private static readonly FieldPath FindingTitle = FieldPath.Parse("title");
    private static readonly FieldPath FindingSeverity = FieldPath.Parse("severity");
    private static readonly FieldPath FindingDescription = FieldPath.Parse("description");

    private readonly SigmaRuleSet _rules;
    private readonly Dictionary<SigmaRule, HitRule> _hitRules;
    private readonly Dictionary<SigmaCorrelation, HitRule> _correlationRules;
    private readonly ConcurrentDictionary<string, HitRule> _externalRules = new(StringComparer.Ordinal);

    /// <summary>Creates a runner over a compiled rule set.</summary>
    public HuntRunner(SigmaRuleSet rules)
    {
        _rules = Guard.NotNull(rules);
        _hitRules = new Dictionary<SigmaRule, HitRule>(ReferenceEqualityComparer.Instance);
        foreach (var rule in rules.Rules)
            _hitRules[rule] = ToHitRule(rule);
        _correlationRules = new Dictionary<SigmaCorrelation, HitRule>(ReferenceEqualityComparer.Instance);
        foreach (var correlation in rules.Correlations)
            _correlationRules[correlation] = ToHitRule(correlation);
    }

    /// <summary>Runs the hunt.</summary>
    /// <param name="options">Inputs and filters.</param>
    /// <param name="writer">Receives the hits in input order.</param>
    /// <param name="diagnostics">Receives every problem with the input.</param>
    /// <param name="quarantine">Receives unreadable records verbatim, when given.</param>
    /// <param name="progress">Receives progress after each file, when given.</param>
    /// <param name="cancellationToken">Stops the hunt.</param>
    /// <returns>What was read and found.</returns>
    public HuntSummary Run(
        HuntOptions options,
        IHitWriter writer,
        IDiagnosticSink diagnostics,
        IQuarantineSink? quarantine = null,
        IProgress<HuntProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(options);
        Guard.NotNull(writer);
        Guard.NotNull(diagnostics);
        Guard.InRange(options.Threads, 1, 512);

        var stopwatch = Stopwatch.StartNew();
        var discovered = LogFiles.Discover(options.Inputs, diagnostics);
        var files = new List<string>(discovered.Count);
        foreach (var file in discovered)
        {
            if (MayHoldWantedEvents(file, options))
                files.Add(file);
        }

        var sizes = new long[files.Count];
        long totalBytes = 0;
        for (var i = 0; i < files.Count; i++)
        {
            sizes[i] = FileSize(files[i]);
            totalBytes += sizes[i];
        }

        var statistics = new LogReadStatistics();
        var context = new LogReadContext(diagnostics, quarantine, statistics);
        var correlations = _rules.Correlations.IsEmpty ? null : new CorrelationEngine(_rules, options.Lateness, options.Locator);
        if (correlations is not null && options.BaselineFile is { } baselineFile)
            BaselineFiles.Load(correlations, baselineFile, diagnostics);
        var output = new OrderedOutput(files.Count, writer, correlations, match => ToHit(match));

        // What becomes of each rule's matches, looked up once per match.
        var routes = new Dictionary<SigmaRule, RuleRoute>(ReferenceEqualityComparer.Instance);
        foreach (var rule in _rules.Rules)
        {
            var correlated = correlations is not null && correlations.IsCorrelated(rule);
            routes[rule] = new RuleRoute(_hitRules[rule], correlated, correlated && !correlations!.Generates(rule), _rules.UsesIntel(rule));
        }

        Func<SigmaRule, RuleRoute> routeOf = rule => routes[rule];
        long events = 0, filtered = 0, bytesDone = 0;
        var filesDone = 0;

        // Workers take files in path order from a shared cursor, at most a window ahead of the
        // writer, so hits waiting for an earlier file stay few however the files are sized.
        var window = options.Threads * FilesAheadPerThread;
        var cursor = -1;
        void Work()
        {
            var work = new FileWork();
            while (true)
            {
                var index = Interlocked.Increment(ref cursor);
                if (index >= files.Count || cancellationToken.IsCancellationRequested)
                    return;
                output.WaitUntilWithin(index, window, cancellationToken);
                var (read, skipped) = HuntFile(files[index], index, options, context, work, output, correlations, routeOf);
                Interlocked.Add(ref events, read);
                Interlocked.Add(ref filtered, skipped);
                work.Held = output.Complete(index, work.Held);
                var done = Interlocked.Add(ref bytesDone, sizes[index]);
                var doneFiles = Interlocked.Increment(ref filesDone);
                progress?.Report(new HuntProgress(done, totalBytes, doneFiles, files.Count));
            }
        }

        var workers = new Thread[Math.Min(options.Threads, Math.Max(1, files.Count))];
        for (var i = 1; i < workers.Length; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = "rampart-hunt-" + i };
            workers[i].Start();
        }

        Work();
        for (var i = 1; i < workers.Length; i++)
            workers[i].Join();
        cancellationToken.ThrowIfCancellationRequested();
        output.CompleteCorrelations();
        if (correlations is not null && options.BaselineFile is { } stateFile)
            BaselineFiles.Save(correlations, stateFile, diagnostics);

        var byRule = output.Counts
            .Select(pair => new RuleHitCount(pair.Key, pair.Value))
            .OrderByDescending(count => count.Count)
            .ThenBy(count => count.Rule.Title, StringComparer.Ordinal)
            .ToImmutableArray();
        var summary = new HuntSummary
        {
            Files = files.Count,
            FilesFiltered = discovered.Count - files.Count,
            Events = events,
            EventsFiltered = filtered,
            RecordsSkipped = statistics.RecordsSkipped,
            Bytes = totalBytes,
            Hits = byRule.Sum(count => count.Count),
            HitsByRule = byRule,
            Elapsed = stopwatch.Elapsed,
        };
        writer.Complete(summary);
        return summary;
    }

    private (long Read, long Filtered) HuntFile(string path, int index, HuntOptions options, LogReadContext context, FileWork work, OrderedOutput output, CorrelationEngine? correlations, Func<SigmaRule, RuleRoute> routeOf)
    {
        long read = 0, filtered = 0;
        foreach (var logEvent in LogReader.ReadFile(path, options.Read, context))
        {
            read++;
            EventSummary? summary = null;
            if (options.FiltersEvents)
            {
                summary = logEvent.Summarize();
                if (!IsWanted(summary, options))
                {
                    filtered++;
                    continue;
                }
            }

            work.Matches.Clear();
            _rules.Match(logEvent, work.Matches);
            var external = logEvent.SourceType == LogSourceTypes.GuardDuty;
            if (work.Matches.Count == 0 && !external)
                continue;

            // Events read as JSON lend their bytes (copied only for hits held back for an earlier file); others are
            // rendered once for every rule that matched them. Hits that only feed correlations need neither, nor a
            // summary unless a correlation keeps them.
            var borrowed = logEvent is JsonLogEvent;
            ReadOnlyMemory<byte> json = default;
            ReadOnlyMemory<byte> Json()
            {
                if (json.IsEmpty)
                    json = logEvent is JsonLogEvent jsonEvent ? jsonEvent.Utf8Json : logEvent.ToUtf8Json();
                return json;
            }

            if (external)
            {
                summary ??= logEvent.Summarize();
                output.Add(index, new DetectionHit(GuardDutyRule(logEvent), logEvent.SourceType, summary, logEvent.Origin, Json()) { IsBorrowed = borrowed }, work.Held);
            }

            foreach (var rule in work.Matches)
            {
                var route = work.Routes.Get(rule, routeOf);
                if (route.Silent)
                {
                    output.AddSilent(index, rule, logEvent, ref summary, route.Rule, work.Held);
                    continue;
                }

                summary ??= logEvent.Summarize();
                output.Add(index, new DetectionHit(route.Rule, logEvent.SourceType, summary, logEvent.Origin, Json())
                {
                    Observation = route.Correlated ? correlations!.Observe(rule, logEvent, summary) : null,
                    Intel = route.UsesIntel ? _rules.IntelMatches(rule, logEvent) : [],
                    IsBorrowed = borrowed,
                },
                work.Held);
            }
        }

        return (read, filtered);
    }

    private HitRule GuardDutyRule(LogEvent finding)
    {
        var values = new List<FieldValue>();
        string? Text(FieldPath path)
        {
            values.Clear();
            finding.CollectValues(path, values);
            return values.Count > 0 ? values[0].Text : null;
        }

        var type = Text(FindingType) ?? "unknown";
        var title = Text(FindingTitle) ?? type;
        var severity = double.TryParse(Text(FindingSeverity), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score)
            ? GuardDutySeverity(score)
            : Severity.Medium;
        return _externalRules.GetOrAdd(type + "\n" + title + "\n" + severity, _ => new HitRule
        {
            Id = "guardduty:" + type,
            Title = title,
            Level = severity.ToString().ToLowerInvariant(),
            Severity = severity,
            Engine = "guardduty",
            Description = Text(FindingDescription),
        });
    }

    // GuardDuty's documented bands: 1.0–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical.
    internal static Severity GuardDutySeverity(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        >= 1.0 => Severity.Low,
        _ => Severity.Informational,
    };

    private static bool IsWanted(EventSummary summary, HuntOptions options)
    {
        if (options.Since is { } since && (summary.Time is not { } t1 || t1 < since))
            return false;
        if (options.Until is { } until && (summary.Time is not { } t2 || t2 >= until))
            return false;
        if (!options.Accounts.IsEmpty && (summary.Account is null || !options.Accounts.Contains(summary.Account)))
            return false;
        return options.Regions.IsEmpty || (summary.Region is not null && options.Regions.Contains(summary.Region));
    }

    private static bool MayHoldWantedEvents(string path, HuntOptions options)
    {
        if (!options.FiltersEvents || !CloudTrailObjectKey.TryParse(path, out var account, out var region, out var date))
            return true;
        if (!options.Accounts.IsEmpty && !options.Accounts.Contains(account))
            return false;
        if (!options.Regions.IsEmpty && !options.Regions.Contains(region))
            return false;

        // A file under a day's prefix holds events of that day (UTC), give or take delivery delay.
        var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (options.Since is { } since && dayStart.AddDays(1).AddHours(1) <= since)
            return false;
        return options.Until is not { } until || dayStart.AddHours(-1) < until;
    }

    private static long FileSize(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private DetectionHit ToHit(CorrelationMatch match) =>
        new(_correlationRules[match.Correlation], "correlation", match.Last, default, default) { Correlation = match };

    private static HitRule ToHitRule(SigmaCorrelation rule) => new()
    {
        Id = rule.Id,
        Title = rule.Title,
        Level = rule.Level,
        Severity = rule.Severity,
        Tags = rule.Tags,
        Author = rule.Author,
        Engine = "sigma-correlation",
        Path = rule.Location.Path,
        Description = rule.Description,
    };

    private static HitRule ToHitRule(SigmaRule rule) => new()
    {
        Id = rule.Id,
        Title = rule.Title,
        Level = rule.Level,
        Severity = rule.Severity,
        Tags = rule.Tags,
        Author = rule.Author,
        License = rule.License,
        Engine = "sigma",
        Path = rule.Location.Path,
        Description = rule.Description,
        References = rule.References,
    };

    /// <summary>A rule's matches: reported as <paramref name="Rule"/>, handed to correlations, or only that (silent).</summary>
    private sealed record RuleRoute(HitRule Rule, bool Correlated, bool Silent, bool UsesIntel);

    private sealed class FileWork
    {
        public List<SigmaRule> Matches { get; } = [];

        /// <summary>The routes of the rules that matched lately: a few rules match most events of a busy input.</summary>
        public IdentityCache<SigmaRule, RuleRoute> Routes { get; } = new(256);

        /// <summary>Hits of the file being read that wait for the files before it.</summary>
        public HeldHits Held { get; set; } = new();
    }
}
