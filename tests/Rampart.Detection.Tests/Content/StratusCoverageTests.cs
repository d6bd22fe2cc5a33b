using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// The pack's map of Stratus Red Team techniques to rules (content/detections/coverage/stratus-red-team.tsv) names
/// only rules that load and that carry examples of what they detect; whether those examples are detected is
/// checked by <c>rampart rules test</c> over the whole pack (RulesCommandTests).
/// </summary>
public sealed class StratusCoverageTests
{
    private static readonly string Pack = RepositoryPaths.Combine("content", "detections");

    [Fact]
    public void EveryTechniqueNamesRulesThatLoadAndHaveExamples()
    {
        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Load([Pack], SigmaOptions.Default, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutableArray()));
        var loaded = rules.Rules.Select(rule => rule.Location.Path)
            .Concat(rules.Correlations.Select(correlation => correlation.Location.Path))
            .OfType<string>()
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        var techniques = Map();
        foreach (var (technique, files) in techniques)
        {
            if (files.Count == 0)
                problems.Add($"{technique}: no rule");
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(Pack, file));
                if (!loaded.Contains(path))
                    problems.Add($"{technique}: {file} is not a rule of the pack that loads");
                else if (!Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".match.*").Any())
                    problems.Add($"{technique}: {file} has no examples of what it detects");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(techniques.Count >= 70, $"only {techniques.Count} techniques listed");
    }

    [Fact]
    public void TechniquesAreListedOnceWithStratusIds()
    {
        var ids = Map().Select(entry => entry.Technique).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(@"^aws\.[a-z-]+\.[a-z0-9-]+$", id));
    }

    private static List<(string Technique, List<string> Files)> Map() =>
        [.. File.ReadAllLines(Path.Combine(Pack, "coverage", "stratus-red-team.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields.Length > 1 ? fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : []))];
}
