using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Core.Events;
using Rampart.Testing;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// Reads our hand-written fixtures: one JSON-lines file per SigmaHQ rule, named after the rule's id, each
/// line <c>{"expect": "match"|"no-match", "note": "...", "source": "cloudtrail", "event": {...}}</c>
/// (<c>source</c> is optional and defaults to CloudTrail). Malformed lines are collected as problems
/// rather than thrown, so that one bad line does not hide the others.
/// </summary>
internal static class SigmaHqFixtures
{
    public const string Match = "match";
    public const string NoMatch = "no-match";

    private static readonly Lazy<(ImmutableArray<EventFixture> Fixtures, ImmutableArray<string> Problems)> Loaded = new(ReadAll);

    private static readonly ImmutableHashSet<string> KnownSources =
        [LogSourceTypes.CloudTrail, LogSourceTypes.Route53Resolver, LogSourceTypes.VpcFlow];

    /// <summary>The folder of this conformance suite in the repository.</summary>
    public static string SuiteDirectory => RepositoryPaths.Combine("tests", "Rampart.Detection.Tests", "SigmaHQ");

    /// <summary>The fixture files' folder.</summary>
    public static string EventsDirectory => Path.Combine(SuiteDirectory, "Events");

    /// <summary>Our values for the placeholders of the rules in <c>rules-placeholder</c>.</summary>
    public static string PlaceholderFile => Path.Combine(SuiteDirectory, "placeholders.yml");

    /// <summary>Every well-formed fixture line, by file name then line.</summary>
    public static ImmutableArray<EventFixture> All => Loaded.Value.Fixtures;

    /// <summary>Every malformed line, as <c>file:line: problem</c>.</summary>
    public static ImmutableArray<string> Problems => Loaded.Value.Problems;

    /// <summary>The rule ids that have a fixture file.</summary>
    public static ImmutableArray<string> RuleIds =>
        [.. Directory.EnumerateFiles(EventsDirectory, "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The fixture lines of one rule.</summary>
    public static ImmutableArray<EventFixture> For(string ruleId) => [.. All.Where(f => f.RuleId == ruleId)];

    /// <summary>One fixture line.</summary>
    public static EventFixture Get(string ruleId, int line) =>
        All.SingleOrDefault(f => f.RuleId == ruleId && f.Line == line)
        ?? throw new InvalidOperationException($"no well-formed fixture line {ruleId}.jsonl:{line}");

    private static (ImmutableArray<EventFixture>, ImmutableArray<string>) ReadAll()
    {
        var fixtures = ImmutableArray.CreateBuilder<EventFixture>();
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var path in Directory.EnumerateFiles(EventsDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var ruleId = Path.GetFileNameWithoutExtension(path);
            var lines = File.ReadAllLines(path);
            for (var index = 0; index < lines.Length; index++)
            {
                if (lines[index].Length == 0)
                    continue;
                var where = $"{Path.GetFileName(path)}:{index + 1}";
                var fixture = ReadLine(ruleId, path, index + 1, lines[index], out var problem);
                if (fixture is null)
                    problems.Add($"{where}: {problem}");
                else
                    fixtures.Add(fixture);
            }
        }

        return (fixtures.ToImmutable(), problems.ToImmutable());
    }

    private static EventFixture? ReadLine(string ruleId, string path, int line, string text, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problem = "not JSON: " + e.Message;
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "a fixture line must be a JSON object";
                return null;
            }

            var expect = root.TryGetProperty("expect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (expect is not (Match or NoMatch))
            {
                problem = $"'expect' must be \"{Match}\" or \"{NoMatch}\"";
                return null;
            }

            var note = root.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (string.IsNullOrWhiteSpace(note))
            {
                problem = "'note' must say why the event matches or misses";
                return null;
            }

            var source = LogSourceTypes.CloudTrail;
            if (root.TryGetProperty("source", out var s))
            {
                source = s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
                if (!KnownSources.Contains(source))
                {
                    problem = $"'source' must be one of {string.Join(", ", KnownSources.Order(StringComparer.Ordinal))}";
                    return null;
                }
            }

            if (!root.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.Object)
            {
                problem = "'event' must be a JSON object";
                return null;
            }

            problem = null;
            return new EventFixture(ruleId, path, line, expect == Match, note, source, ev.GetRawText());
        }
    }
}
