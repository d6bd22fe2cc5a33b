using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Simulation;
using Rampart.Testing;
using YamlDotNet.RepresentationModel;

namespace Rampart.Iam.Tests.Evaluation;

/// <summary>
/// The evaluator's semantics, one case per AWS rule: each case in <c>Cases/*.yml</c> is a <c>rampart iam simulate</c>
/// input with the decision AWS makes and the documented rule that makes it.
/// </summary>
public sealed class GoldenCaseTests
{
    private static readonly string CaseDirectory = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Cases");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(CaseDirectory, "*.yml").Order(StringComparer.Ordinal))
        {
            foreach (var item in Load(file))
                data.Add(Path.GetFileNameWithoutExtension(file), ((YamlScalarNode)item.Children[new YamlScalarNode("name")]).Value!);
        }

        return data;
    }

    [Fact]
    public void EveryAreaHasCasesAndEveryCaseCitesTheRuleItEncodes()
    {
        var files = Directory.GetFiles(CaseDirectory, "*.yml");
        Assert.True(files.Length >= 10, $"only {files.Length} case files");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var item in Load(file))
            {
                var name = ((YamlScalarNode)item.Children[new YamlScalarNode("name")]).Value!;
                Assert.True(names.Add(name), $"case name '{name}' is used twice");
                Assert.True(item.Children.TryGetValue(new YamlScalarNode("rule"), out var rule) && ((YamlScalarNode)rule).Value!.Contains("docs.aws.amazon.com", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: '{name}' does not cite the AWS documentation");
            }
        }

        Assert.True(names.Count >= 80, $"only {names.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheDecisionIsTheOneAwsMakes(string file, string name)
    {
        var item = Load(Path.Combine(CaseDirectory, file + ".yml")).Single(node => ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value == name);
        var expected = ((YamlScalarNode)item.Children[new YamlScalarNode("expect")]).Value!;
        var input = new YamlMappingNode();
        foreach (var (key, value) in item.Children)
        {
            if (((YamlScalarNode)key).Value is not ("name" or "rule" or "expect" or "layer"))
                input.Add(key, value);
        }

        var diagnostics = new DiagnosticBag();
        var simulation = SimulationReader.Read(YamlJson.ToJson(input), $"{file}.yml '{name}'", diagnostics);
        Assert.True(simulation is not null, string.Join("\n", diagnostics.ToImmutableArray()));
        var result = PolicyEvaluator.Evaluate(simulation.Request, simulation.Policies);
        Assert.True(expected == result.Decision.ToString(), $"expected {expected}, got {result.Decision}: {result.Trace.Reason}\n{JsonSerializer.Serialize(result.Trace.Layers)}");
        Assert.Equal(result.Decision, PolicyEvaluator.Decide(simulation.Request, simulation.Policies));

        // Where the case names the layer that decides, the trace must say so.
        if (item.Children.TryGetValue(new YamlScalarNode("layer"), out var layer))
            Assert.Contains(((YamlScalarNode)layer).Value!, result.Trace.Reason, StringComparison.Ordinal);
    }

    private static IEnumerable<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
            stream.Load(reader);
        return ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>();
    }
}
