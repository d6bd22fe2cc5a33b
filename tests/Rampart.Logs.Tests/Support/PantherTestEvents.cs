using Rampart.Testing;
using YamlDotNet.RepresentationModel;

namespace Rampart.Logs.Tests.Support;

/// <summary>The <c>Tests:</c> of Panther detection files: each test's <c>Log</c> converted from YAML to JSON.</summary>
internal static class PantherTestEvents
{
    public static IEnumerable<(string Name, string Json)> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            yield break;
        if (!root.Children.TryGetValue(new YamlScalarNode("Tests"), out var tests) || tests is not YamlSequenceNode list)
            yield break;
        foreach (var test in list.OfType<YamlMappingNode>())
        {
            if (!test.Children.TryGetValue(new YamlScalarNode("Log"), out var log))
                continue;
            var name = test.Children.TryGetValue(new YamlScalarNode("Name"), out var named) ? ((YamlScalarNode)named).Value ?? "" : "";
            yield return (name, YamlJson.ToJson(log));
        }
    }
}
