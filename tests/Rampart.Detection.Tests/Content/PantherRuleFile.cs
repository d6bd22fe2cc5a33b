using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Testing;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// One Panther detection file of the shared datasets, read in place: its id, the log types it runs on, and its
/// labelled test events, each <c>Log</c> converted from YAML to JSON. Tests of Panther correlation rules carry
/// rule outputs rather than events and are left out.
/// </summary>
internal sealed record PantherRuleFile(string Path, string RuleId, ImmutableArray<string> LogTypes, ImmutableArray<PantherTest> Tests)
{
    public static PantherRuleFile Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        var ruleId = Scalar(root, "RuleID") ?? System.IO.Path.GetFileNameWithoutExtension(path);
        ImmutableArray<string> logTypes = Child(root, "LogTypes") is YamlSequenceNode types
            ? [.. types.OfType<YamlScalarNode>().Select(type => type.Value ?? "")]
            : [];
        var tests = ImmutableArray.CreateBuilder<PantherTest>();
        if (Child(root, "Tests") is YamlSequenceNode list)
        {
            foreach (var test in list.OfType<YamlMappingNode>())
            {
                if (Child(test, "Log") is not { } log)
                    continue;
                var json = YamlJson.ToJson(log);
                tests.Add(new PantherTest(
                    Scalar(test, "Name") ?? "",
                    string.Equals(Scalar(test, "ExpectedResult"), "true", StringComparison.OrdinalIgnoreCase),
                    LogTypeOf(json, logTypes),
                    json));
            }
        }

        return new PantherRuleFile(path, ruleId, logTypes, tests.ToImmutable());
    }

    // An event names its log type (p_log_type) when its rule runs on several; otherwise it is the rule's only AWS one.
    private static string? LogTypeOf(string json, ImmutableArray<string> ruleLogTypes)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("p_log_type", out var named)
            && named.ValueKind == JsonValueKind.String)
        {
            return named.GetString();
        }

        var aws = ruleLogTypes.Where(type => type.StartsWith("AWS.", StringComparison.Ordinal)).ToList();
        return aws.Count == 1 ? aws[0] : null;
    }

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
