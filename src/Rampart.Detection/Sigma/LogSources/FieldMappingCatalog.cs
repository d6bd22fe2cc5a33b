using System.Collections.Frozen;
using Rampart.Detection.Sigma.Loading;
using Rampart.Detection.Sigma.Matching;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.LogSources;

/// <summary>
/// The field mappings for generic log source categories, read once from the embedded
/// <c>field-mappings.yml</c>. The mapping is data we ship; a malformed one is a build defect and throws.
/// </summary>
internal static class FieldMappingCatalog
{
    private const string ResourceName = "Rampart.Detection.Sigma.LogSources.field-mappings.yml";

    private static readonly Lazy<FrozenDictionary<string, CategoryMapping>> Mappings = new(Load);

    /// <summary>The mappings by Sigma category (case-insensitive).</summary>
    public static FrozenDictionary<string, CategoryMapping> Categories => Mappings.Value;

    private static FrozenDictionary<string, CategoryMapping> Load()
    {
        using var stream = typeof(FieldMappingCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var categories = (YamlMappingNode)YamlMaps.Get(root, "categories")!;
        var result = new Dictionary<string, CategoryMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in categories.Children)
        {
            var name = ((YamlScalarNode)entry.Key).Value!;
            var body = (YamlMappingNode)entry.Value;
            var source = ((YamlScalarNode)YamlMaps.Get(body, "source")!).Value!;
            var fields = new Dictionary<string, MappedField>(StringComparer.Ordinal);
            foreach (var field in ((YamlMappingNode)YamlMaps.Get(body, "fields")!).Children)
                fields[((YamlScalarNode)field.Key).Value!] = ReadField(field.Value);
            var native = new List<string>();
            foreach (var item in ((YamlSequenceNode)YamlMaps.Get(body, "native")!).Children)
                native.Add(((YamlScalarNode)item).Value!);
            result[name] = new CategoryMapping(name, source, fields.ToFrozenDictionary(StringComparer.Ordinal), native.ToFrozenSet(StringComparer.Ordinal));
        }

        return result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static MappedField ReadField(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
            return new MappedField(scalar.Value!, TextNormalization.None);
        var map = (YamlMappingNode)node;
        var field = ((YamlScalarNode)YamlMaps.Get(map, "field")!).Value!;
        var normalize = (YamlMaps.Get(map, "normalize") as YamlScalarNode)?.Value;
        var normalization = normalize switch
        {
            null => TextNormalization.None,
            "trim-trailing-dot" => TextNormalization.TrimTrailingDot,
            _ => throw new InvalidOperationException($"Unknown normalisation '{normalize}' in {ResourceName}."),
        };
        return new MappedField(field, normalization);
    }
}
