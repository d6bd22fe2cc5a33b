using System.Globalization;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;

namespace Rampart.Benchmarks.Correlation;

/// <summary>
/// <c>correlation-memory</c>: what correlations keep in memory. Streams of calls from ever new addresses, each
/// address a group of two correlations, are fed through the engine at several input sizes; memory retained after
/// the input must stay flat (bounded by the groups open at once, not by the input). A second run opens many groups
/// at once and reports the bytes each costs.
/// </summary>
internal static class CorrelationMemoryCommand
{
    private const string Rules = """
        title: Burst From One Address
        id: 6f0d7c1e-1111-4a2b-9c3d-000000000001
        correlation:
            type: event_count
            rules:
                - any_call
            group-by:
                - sourceIPAddress
            timespan: 5m
            condition:
                gte: 1000000
        level: medium
        ---
        title: Many Calls From One Address
        id: 6f0d7c1e-1111-4a2b-9c3d-000000000002
        correlation:
            type: value_count
            rules:
                - any_call
            group-by:
                - sourceIPAddress
            timespan: 10m
            condition:
                field: eventName
                gte: 1000000
        level: medium
        ---
        title: Any Call
        id: 6f0d7c1e-1111-4a2b-9c3d-000000000003
        name: any_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource|exists: true
            condition: selection
        level: informational
        """;

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var sizes = Option(args, "--events") is { } list
            ? list.Split(',').Select(text => long.Parse(text, CultureInfo.InvariantCulture)).ToArray()
            : [250_000L, 1_000_000L, 4_000_000L];
        var rules = SigmaRuleSet.Parse(Rules, "correlation-memory.yml", SigmaOptions.Default, new DiagnosticBag());
        var rule = rules.Rules.Single();

        Console.WriteLine("Streaming input: each address makes 10 calls within a second and is never seen again; 10 calls/s.");
        Console.WriteLine();
        Console.WriteLine("| events | open groups at the end | most open groups seen | retained after the input | managed heap seen, garbage included |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var retained = new List<long>();
        foreach (var size in sizes)
        {
            var (groups, peakGroups, kept, peak) = Stream(rules, rule, size, callsPerGroup: 10, step: TimeSpan.FromMilliseconds(100));
            retained.Add(kept);
            Console.WriteLine($"| {size:N0} | {groups:N0} | {peakGroups:N0} | {Mib(kept)} | {Mib(peak)} |");
        }

        var growth = retained[^1] / (double)Math.Max(1, retained[0]);
        Console.WriteLine();
        Console.WriteLine($"retained memory, {sizes[^1]:N0} events against {sizes[0]:N0}: {growth:F2}x for {sizes[^1] / (double)sizes[0]:F0}x the input (target <= 1.5x) {(growth <= 1.5 ? "MET" : "NOT MET")}");

        Console.WriteLine();
        Console.WriteLine("Groups open at once: that many addresses each make one call within the same minute.");
        Console.WriteLine();
        Console.WriteLine("| open groups | retained | bytes per open group |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (var open in new[] { 10_000, 100_000, 1_000_000 })
        {
            var baseline = Retained();
            var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(15));
            var matches = new List<CorrelationMatch>();
            for (var i = 0; i < open; i++)
                engine.Add(Observe(engine, rule, i, Start + TimeSpan.FromTicks(TimeSpan.TicksPerMinute * i / open)), matches);
            var kept = Retained() - baseline;
            GC.KeepAlive(engine);
            Console.WriteLine($"| {open:N0} | {Mib(kept)} | {kept / (double)open:N0} |");
        }

        return growth <= 1.5 ? 0 : 1;
    }

    private static (long Groups, long PeakGroups, long Retained, long PeakManaged) Stream(SigmaRuleSet rules, SigmaRule rule, long events, int callsPerGroup, TimeSpan step)
    {
        var before = Retained();
        var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(15));
        var matches = new List<CorrelationMatch>();
        long peakGroups = 0, peakManaged = 0;
        for (long i = 0; i < events; i++)
        {
            engine.Add(Observe(engine, rule, i / callsPerGroup, Start + (step * i)), matches);
            if (i % 65_536 == 0)
            {
                peakGroups = Math.Max(peakGroups, engine.OpenGroups);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false) - before);
            }
        }

        var kept = Retained() - before;
        GC.KeepAlive(engine);
        return (engine.OpenGroups, peakGroups, kept, peakManaged);
    }

    private static CorrelationObservation Observe(CorrelationEngine engine, SigmaRule rule, long address, DateTimeOffset time)
    {
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");
        var json = $$"""{"eventTime":"{{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","eventSource":"ec2.amazonaws.com","eventName":"Describe{{address % 7}}","sourceIPAddress":"{{ip}}","eventID":"{{address}}"}""";
        var logEvent = JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail, _ => new EventSummary { Time = time });
        return engine.Observe(rule, logEvent, new EventSummary { Time = time, EventId = address.ToString(CultureInfo.InvariantCulture) });
    }

    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
