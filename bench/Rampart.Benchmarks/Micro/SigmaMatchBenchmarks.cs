using BenchmarkDotNet.Attributes;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// The cost of a compiled Sigma rule against the same test written by hand in C#, over the same
/// events. The ratio column is the number to watch: compilation should leave little on the table.
/// </summary>
[MemoryDiagnoser]
public class SigmaMatchBenchmarks
{
    private const string Rule = """
        title: Trail Tampering
        id: 5e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource: cloudtrail.amazonaws.com
                eventName:
                    - StopLogging
                    - DeleteTrail
                    - UpdateTrail
            filter:
                userAgent|contains: 'terraform'
            condition: selection and not filter
        level: high
        """;

    private static readonly string[] Names = ["StopLogging", "DeleteTrail", "UpdateTrail", "DescribeTrails", "GetObject", "AssumeRole", "Decrypt", "ListBuckets"];
    private static readonly FieldPath EventSource = FieldPath.Parse("eventSource");
    private static readonly FieldPath EventName = FieldPath.Parse("eventName");
    private static readonly FieldPath UserAgent = FieldPath.Parse("userAgent");

    private readonly SigmaRuleSet _rules;
    private readonly JsonLogEvent[] _events;
    private readonly List<SigmaRule> _matches = [];
    private readonly List<FieldValue> _values = [];

    public SigmaMatchBenchmarks()
    {
        _rules = SigmaRuleSet.Parse(Rule, "bench.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);
        _events = Enumerable.Range(0, 1024).Select(i => JsonLogEvent.Parse(
            $$"""{"eventSource":"{{(i % 3 == 0 ? "cloudtrail" : "s3")}}.amazonaws.com","eventName":"{{Names[i % Names.Length]}}","userAgent":"{{(i % 5 == 0 ? "Terraform/1.7" : "aws-cli/2.15")}}","awsRegion":"eu-west-1"}""",
            LogSourceTypes.CloudTrail)).ToArray();

        // Both sides must agree before either is timed.
        if (Compiled() != HandWritten())
            throw new InvalidOperationException($"compiled rule found {Compiled()} events, hand-written test {HandWritten()}");
    }

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var count = 0;
        foreach (var e in _events)
        {
            if (Is(e, EventSource, "cloudtrail.amazonaws.com") && (Is(e, EventName, "StopLogging") || Is(e, EventName, "DeleteTrail") || Is(e, EventName, "UpdateTrail")) && !Contains(e, UserAgent, "terraform"))
                count++;
        }

        return count;
    }

    [Benchmark]
    public int Compiled()
    {
        var count = 0;
        foreach (var e in _events)
        {
            _matches.Clear();
            _rules.Match(e, _matches);
            count += _matches.Count;
        }

        return count;
    }

    private bool Is(LogEvent e, FieldPath path, string expected)
    {
        _values.Clear();
        e.CollectValues(path, _values);
        return _values.Count > 0 && string.Equals(_values[0].Text, expected, StringComparison.OrdinalIgnoreCase);
    }

    private bool Contains(LogEvent e, FieldPath path, string expected)
    {
        _values.Clear();
        e.CollectValues(path, _values);
        return _values.Count > 0 && _values[0].Text is { } text && text.Contains(expected, StringComparison.OrdinalIgnoreCase);
    }
}
