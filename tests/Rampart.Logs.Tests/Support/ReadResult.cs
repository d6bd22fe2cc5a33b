using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;

namespace Rampart.Logs.Tests.Support;

/// <summary>Everything one read produced: events, diagnostics, quarantined records, counts.</summary>
internal sealed class ReadResult
{
    public ReadResult(IQuarantineSink? quarantine = null)
    {
        Context = new LogReadContext(Diagnostics, quarantine ?? Quarantine, Statistics);
    }

    public DiagnosticBag Diagnostics { get; } = new();

    public CollectingQuarantine Quarantine { get; } = new();

    public LogReadStatistics Statistics { get; } = new();

    public LogReadContext Context { get; }

    public List<ReadEvent> Events { get; } = [];

    public ImmutableArray<Diagnostic> Problems => Diagnostics.ToImmutableArray();

    public IReadOnlyList<string> Codes => [.. Problems.Select(problem => problem.Code)];

    public IReadOnlyList<string> Messages => [.. Problems.Select(problem => problem.ToString())];

    public void Collect(IEnumerable<LogEvent> events, IReadOnlyList<string> fields)
    {
        foreach (var logEvent in events)
        {
            var values = new Dictionary<string, IReadOnlyList<FieldValue>>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var found = new List<FieldValue>();
                logEvent.CollectValues(FieldPath.Parse(field), found);
                values[field] = [.. found.Select(value => value.Detach())];
            }

            var all = new List<FieldValue>();
            logEvent.CollectAllValues(all);
            all = [.. all.Select(value => value.Detach())];
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                logEvent.WriteTo(writer);
            Events.Add(new ReadEvent(logEvent.SourceType, logEvent.Origin, logEvent.Summarize(), Encoding.UTF8.GetString(buffer.ToArray()), values, all));
        }
    }
}
