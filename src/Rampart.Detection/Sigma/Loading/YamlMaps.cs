using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>Small helpers over YAML mappings keyed by plain strings.</summary>
internal static class YamlMaps
{
    /// <summary>Finds the entry whose key is the scalar <paramref name="key"/> (exact, case-sensitive: Sigma keys are lower case).</summary>
    public static bool TryGet(YamlMappingNode map, string key, out YamlNode keyNode, out YamlNode value)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                keyNode = entry.Key;
                value = entry.Value;
                return true;
            }
        }

        keyNode = null!;
        value = null!;
        return false;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) => TryGet(map, key, out _, out var value) ? value : null;

    /// <summary>Whether the node is a YAML null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar &&
        (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:null") &&
        scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// Deep-merges <paramref name="overlay"/> onto <paramref name="baseMap"/>: mappings present in both are
    /// merged, any other value of the overlay replaces the base's. Nodes are shared, so locations survive.
    /// </summary>
    public static YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode overlay)
    {
        var merged = new YamlMappingNode();
        foreach (var entry in baseMap.Children)
            merged.Children[entry.Key] = entry.Value;
        foreach (var entry in overlay.Children)
        {
            if (merged.Children.TryGetValue(entry.Key, out var existing) && existing is YamlMappingNode existingMap && entry.Value is YamlMappingNode overlayMap)
                merged.Children[entry.Key] = Merge(existingMap, overlayMap);
            else
                merged.Children[entry.Key] = entry.Value;
        }

        return merged;
    }
}
