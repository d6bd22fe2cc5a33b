using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>
/// One semantics case: a folder under <c>Cases/</c> holding <c>rule.yml</c> (one or more rules),
/// <c>events.jsonl</c> (one event per line, in the field names of the rules' source type) and
/// <c>expected.jsonl</c> (for each event that must match, <c>{"line": n, "rules": [titles]}</c>; events
/// not listed must match nothing). Optional: <c>placeholders.yml</c>, and <c>diagnostics.txt</c> with the
/// exact diagnostics loading must report (none otherwise).
/// </summary>
internal sealed class SigmaCase
{
    public static readonly string Root = RepositoryPaths.Combine("tests", "Rampart.Detection.Tests", "Cases");

    private SigmaCase(string name) => Name = name;

    public string Name { get; }

    public string Directory => Path.Combine(Root, Name);

    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Root, "rule.yml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, Path.GetDirectoryName(path)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static SigmaCase Open(string name) => new(name);

    public (SigmaRuleSet Rules, DiagnosticBag Diagnostics) Load()
    {
        var bag = new DiagnosticBag();
        var placeholders = Path.Combine(Directory, "placeholders.yml");
        var options = File.Exists(placeholders) ? SigmaOptions.WithPlaceholderFile(placeholders, bag) : SigmaOptions.Default;
        return (SigmaRuleSet.Load([Path.Combine(Directory, "rule.yml")], options, bag), bag);
    }

    /// <summary>The diagnostics as the case file writes them: paths relative to the case folder.</summary>
    public string Relative(DiagnosticBag bag) =>
        DiagnosticsText.Of(bag).Replace(Directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    public string ExpectedDiagnostics()
    {
        var path = Path.Combine(Directory, "diagnostics.txt");
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\n') : string.Empty;
    }

    public List<string> EventLines() =>
        [.. File.ReadAllLines(Path.Combine(Directory, "events.jsonl")).Where(line => line.Trim().Length > 0)];

    public Dictionary<int, List<string>> ExpectedMatches()
    {
        var expected = new Dictionary<int, List<string>>();
        foreach (var line in File.ReadAllLines(Path.Combine(Directory, "expected.jsonl")).Where(line => line.Trim().Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var number = document.RootElement.GetProperty("line").GetInt32();
            expected[number] = [.. document.RootElement.GetProperty("rules").EnumerateArray().Select(rule => rule.GetString()!)];
        }

        return expected;
    }

    public static LogEvent Event(string json, string sourceType, int line) =>
        JsonLogEvent.Parse(json, sourceType, origin: new EventOrigin("events.jsonl", line, line));
}
