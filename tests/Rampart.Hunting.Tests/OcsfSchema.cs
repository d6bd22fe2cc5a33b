using System.Text.Json.Nodes;

namespace Rampart.Hunting.Tests;

/// <summary>
/// Reads OCSF's own definition files (a class, the classes it extends, the profiles it includes) and
/// checks a record against them: required attributes present, nothing outside the class.
/// </summary>
internal sealed class OcsfSchema
{
    private readonly Dictionary<string, string?> _requirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string?>> _profiles = new(StringComparer.Ordinal);

    public OcsfSchema(string directory, string className)
    {
        Directory = directory;
        for (var name = className; name is not null;)
        {
            var definition = Load(name);
            foreach (var (attribute, spec) in Attributes(definition))
            {
                // A class overrides the requirement of the attribute it inherits.
                if (!_requirements.TryGetValue(attribute, out var known) || known is null)
                    _requirements[attribute] = spec?["requirement"]?.GetValue<string>();
            }

            foreach (var include in definition["attributes"]?["$include"]?.AsArray() ?? [])
            {
                var profile = Path.GetFileNameWithoutExtension(include!.GetValue<string>());
                if (File.Exists(Path.Combine(directory, profile + ".json")))
                    _profiles[profile] = Attributes(Load(profile)).ToDictionary(pair => pair.Key, pair => pair.Value?["requirement"]?.GetValue<string>());
            }

            name = definition["extends"]?.GetValue<string>();
        }

        Uid = Load(className)["uid"]!.GetValue<int>();
    }

    public string Directory { get; }

    public int Uid { get; }

    public IEnumerable<string> Problems(JsonObject record, IReadOnlyCollection<string> appliedProfiles)
    {
        var allowed = new HashSet<string>(_requirements.Keys, StringComparer.Ordinal);
        var required = _requirements.Where(pair => pair.Value == "required").Select(pair => pair.Key).ToList();
        foreach (var profile in appliedProfiles)
        {
            if (!_profiles.TryGetValue(profile, out var attributes))
            {
                yield return $"profile {profile} is not included by the class";
                continue;
            }

            allowed.UnionWith(attributes.Keys);
            required.AddRange(attributes.Where(pair => pair.Value == "required").Select(pair => pair.Key));
        }

        foreach (var attribute in required.Where(attribute => record[attribute] is null))
            yield return $"required attribute {attribute} is missing";
        foreach (var (attribute, _) in record.Where(pair => !allowed.Contains(pair.Key)))
            yield return $"attribute {attribute} is not defined for the class";
    }

    public IEnumerable<string> ObjectProblems(JsonObject value, string objectName)
    {
        var attributes = Attributes(Load(objectName)).ToDictionary(pair => pair.Key, pair => pair.Value?["requirement"]?.GetValue<string>());
        foreach (var (attribute, requirement) in attributes.Where(pair => pair.Value == "required"))
        {
            if (value[attribute] is null)
                yield return $"{objectName}.{attribute} ({requirement}) is missing";
        }

        foreach (var (attribute, _) in value.Where(pair => !attributes.ContainsKey(pair.Key)))
            yield return $"{objectName}.{attribute} is not defined";
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Attributes(JsonNode definition) =>
        definition["attributes"]!.AsObject().Where(pair => pair.Key != "$include");

    private JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")))!;
}
