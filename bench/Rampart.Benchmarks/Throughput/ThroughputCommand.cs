using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;
using Rampart.GameDays.Telemetry;
using Rampart.Hunting;
using Rampart.Hunting.Output;
using Rampart.Logs;

namespace Rampart.Benchmarks.Throughput;

/// <summary>
/// End-to-end hunt throughput against the parse-only limit, over the same generated gzip CloudTrail,
/// at one thread and at all cores. Each measurement runs in a child process so that its peak memory is
/// its own. Usage: <c>throughput [--size 1GB] [--data DIR] [--rules PATH] [--threads N] [--repeat N]</c>.
/// </summary>
internal static class ThroughputCommand
{
    // Single-event rules alone (the hunt issue's target), and with correlations, baselines and their windows.
    private const double TargetRatio = 0.5;
    private const double TargetRatioWithCorrelations = 0.4;
    private const double TargetScaling = 1.7;
    private const long TargetPeakRss = 300L * 1024 * 1024;

    public static int Run(string[] args)
    {
        var size = ParseSize(Option(args, "--size") ?? "1GB");
        var threads = int.Parse(Option(args, "--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat") ?? "1", CultureInfo.InvariantCulture);
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"rampart-bench-{size / (1024 * 1024)}MiB");
        var rules = Option(args, "--rules") ?? DefaultRules();

        EnsureData(data, size);
        var files = CloudTrailFiles(data);
        var bytes = files.Sum(file => new FileInfo(file).Length);
        Console.WriteLine($"data: {data} ({files.Count} files, {bytes / 1048576.0:0} MiB gzip)");
        Console.WriteLine($"rules: {rules}");
        ParseOnlyBaseline.CountRecords(files, threads); // warm the page cache so both modes read from memory

        // The limit is measured twice: in the runtime settings rampart runs with (no quick JIT, see
        // bench/README.md) and in the runtime's defaults. The faster of the two is the limit, so that the hunt
        // is never compared with a baseline held back by its settings.
        // Each round measures every mode once, so that a stretch of noise on a shared machine falls on all of them
        // rather than on every repeat of one; the best of the rounds counts for each.
        var modes = new[] { ("parse", "parse", false), ("parse", "parse*", true), ("read", "read", false), ("hunt", "hunt", false) };
        var counts = threads == 1 ? [1] : new[] { 1, threads };
        var rounds = new List<Measurement>();
        for (var round = 0; round < repeat; round++)
        {
            foreach (var t in counts)
            {
                foreach (var (mode, label, defaults) in modes)
                    rounds.Add(Child(mode, t, data, rules, defaults) with { Mode = label });
            }
        }

        var results = new List<Measurement>();
        foreach (var t in counts)
        {
            foreach (var (_, label, _) in modes)
            {
                var best = rounds.Where(m => m.Threads == t && m.Mode == label).MaxBy(m => m.EventsPerSecond)!;
                results.Add(best);
                Console.WriteLine($"  {label,-6} threads={t}: {best.Events:N0} events in {best.Seconds:0.00} s = {best.EventsPerSecond:N0} events/s, peak RSS {best.PeakRssBytes / 1048576.0:0} MiB, {best.AllocatedBytes / (double)best.Events:N0} bytes allocated per event, {best.GarbageCollections:N0} collections ({best.GcPauseSeconds:0.00} s paused)");
            }
        }

        Console.WriteLine("  (parse* is the parse-only pass in the runtime's default settings; the faster parse is the limit)");
        Console.WriteLine();
        Console.WriteLine("| threads | parse-only limit events/s | read events/s | hunt events/s | read / limit | hunt / limit | hunt / parse in the same settings | hunt peak RSS |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(m => m.Threads))
        {
            var same = group.Single(m => m.Mode == "parse");
            var limit = Limit(group);
            var read = group.Single(m => m.Mode == "read");
            var hunt = group.Single(m => m.Mode == "hunt");
            Console.WriteLine($"| {group.Key} | {limit.EventsPerSecond:N0} ({limit.Mode}) | {read.EventsPerSecond:N0} | {hunt.EventsPerSecond:N0} | {read.EventsPerSecond / limit.EventsPerSecond:0.00} | {hunt.EventsPerSecond / limit.EventsPerSecond:0.00} | {hunt.EventsPerSecond / same.EventsPerSecond:0.00} | {hunt.PeakRssBytes / 1048576.0:0} MiB |");
        }

        var hunt1 = results.Single(m => m.Mode == "hunt" && m.Threads == 1);
        var limit1 = Limit(results.Where(m => m.Threads == 1));
        var ratio = hunt1.EventsPerSecond / limit1.EventsPerSecond;
        Console.WriteLine();
        var correlations = hunt1.Correlations;
        var target = correlations > 0 ? TargetRatioWithCorrelations : TargetRatio;
        var rulesNote = correlations > 0 ? $", rules with {correlations} correlations" : "";
        Console.WriteLine($"hunt / parse-only limit, 1 thread: {ratio:0.000} (target >= {target}{rulesNote}) {Verdict(ratio >= target)}");
        if (threads > 1)
        {
            var huntN = results.Single(m => m.Mode == "hunt" && m.Threads == threads);
            var limitN = Limit(results.Where(m => m.Threads == threads));
            var scaling = huntN.EventsPerSecond / hunt1.EventsPerSecond;
            Console.WriteLine($"hunt / parse-only limit, {threads} threads: {huntN.EventsPerSecond / limitN.EventsPerSecond:0.00}");
            Console.WriteLine($"hunt scaling 1 -> {threads} threads: {scaling:0.00}x (target >= {TargetScaling}x) {Verdict(scaling >= TargetScaling)}; parse-only limit scaling {limitN.EventsPerSecond / limit1.EventsPerSecond:0.00}x");
        }

        var peak = rounds.Where(m => m.Mode == "hunt").Max(m => m.PeakRssBytes);
        Console.WriteLine($"hunt peak RSS: {peak / 1048576.0:0} MiB (target < {TargetPeakRss / 1048576} MiB) {Verdict(peak < TargetPeakRss)}");
        Console.WriteLine($"hits: {hunt1.Hits:N0}");

        // A hunt gives the same results however many threads read and however loaded the machine is: every run of
        // every round must agree.
        var outcomes = rounds.Where(m => m.Mode == "hunt").Select(m => (m.Events, m.Hits)).Distinct().ToList();
        if (outcomes.Count == 1)
        {
            Console.WriteLine($"results: every hunt run agreed ({outcomes[0].Events:N0} events, {outcomes[0].Hits:N0} hits)");
            return 0;
        }

        Console.WriteLine("results: hunt runs DISAGREED: " + string.Join("; ", rounds.Where(m => m.Mode == "hunt").Select(m => $"{m.Threads} thread(s): {m.Events:N0} events, {m.Hits:N0} hits")));
        return 1;
    }

    /// <summary>The child side: one measurement, printed as JSON on the last line.</summary>
    public static int Measure(string[] args)
    {
        var mode = args[0];
        var threads = int.Parse(Option(args, "--threads")!, CultureInfo.InvariantCulture);
        var data = Option(args, "--data")!;
        var files = CloudTrailFiles(data);
        Measurement measurement;
        if (mode == "parse")
        {
            var stopwatch = Stopwatch.StartNew();
            var records = ParseOnlyBaseline.CountRecords(files, threads);
            measurement = new Measurement(mode, threads, records, 0, stopwatch.Elapsed.TotalSeconds, 0);
        }
        else if (mode == "read")
        {
            var stopwatch = Stopwatch.StartNew();
            long events = 0;
            var context = new LogReadContext(NullDiagnosticSink.Instance);
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
            {
                long count = 0;
                foreach (var _ in LogReader.ReadFile(file, LogReadOptions.Default, context))
                    count++;
                Interlocked.Add(ref events, count);
            });
            measurement = new Measurement(mode, threads, events, 0, stopwatch.Elapsed.TotalSeconds, 0);
        }
        else
        {
            var diagnostics = new DiagnosticBag();
            // Several rule folders are joined with the path separator (':' on Linux).
            var rules = SigmaRuleSet.Load(Option(args, "--rules")!.Split(Path.PathSeparator), SigmaOptions.Default, diagnostics);
            var writer = new CountingHitWriter();
            var stopwatch = Stopwatch.StartNew();
            var summary = new HuntRunner(rules).Run(new HuntOptions { Inputs = [.. files], Threads = threads }, writer, diagnostics);
            measurement = new Measurement(mode, threads, summary.Events, summary.Hits, stopwatch.Elapsed.TotalSeconds, 0) { Correlations = rules.Correlations.Length };
        }

        Console.WriteLine(JsonSerializer.Serialize(measurement with { PeakRssBytes = PeakMemory.Bytes(), AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true), GarbageCollections = GC.CollectionCount(0), GcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds }));
        return 0;
    }

    private static Measurement Limit(IEnumerable<Measurement> group) =>
        group.Where(m => m.Mode.StartsWith("parse", StringComparison.Ordinal)).MaxBy(m => m.EventsPerSecond)!;

    // runtimeDefaults: run the child with the runtime's default compilation settings instead of rampart's.
    private static Measurement Child(string mode, int threads, string data, string rules, bool runtimeDefaults)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (runtimeDefaults)
            start.Environment["DOTNET_TC_QuickJit"] = "1";
        foreach (var arg in new[] { "measure", mode, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--data", data, "--rules", rules })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"measurement {mode} failed with {process.ExitCode}: {output}");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<Measurement>(last)!;
    }

    private static void EnsureData(string data, long size)
    {
        if (File.Exists(Path.Combine(data, "manifest.json")))
            return;
        Console.WriteLine($"generating {size / 1048576} MiB of gzip CloudTrail into {data} …");
        var stopwatch = Stopwatch.StartNew();
        TelemetryGenerator.Generate(new TelemetryOptions
        {
            OutputDirectory = data,
            Size = TelemetrySize.CompressedBytes(size),
            Sources = TelemetrySources.CloudTrail,
            // Two busy accounts in two regions over two days: files of a few hundred KB, as CloudTrail
            // delivers for accounts with steady traffic.
            Duration = TimeSpan.FromDays(2),
            Accounts = 2,
            Regions = ["us-east-1", "eu-west-1"],
            IncludeAttacks = true,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        });
        Console.WriteLine($"generated in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static List<string> CloudTrailFiles(string data) =>
        [.. LogFiles.Discover([data], NullDiagnosticSink.Instance).Where(file => file.EndsWith(".json.gz", StringComparison.Ordinal) && file.Contains("CloudTrail", StringComparison.Ordinal))];

    private static string DefaultRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var datasets = Path.Combine(dir.FullName, "..", "shared", "datasets", "sigma", "aws", "rules");
            if (File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
                return Directory.Exists(datasets) ? Path.GetFullPath(datasets) : Path.Combine(dir.FullName, "content", "detections");
        }

        throw new InvalidOperationException("run from inside the repository, or pass --rules");
    }

    private static string Verdict(bool met) => met ? "MET" : "NOT MET";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal static long ParseSize(string text)
    {
        var units = new (string Suffix, long Factor)[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1) };
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return (long)(double.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor);
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    private sealed class CountingHitWriter : IHitWriter
    {
        public void Write(DetectionHit hit)
        {
        }

        public void Complete(HuntSummary summary)
        {
        }

        public void Dispose()
        {
        }
    }
}
