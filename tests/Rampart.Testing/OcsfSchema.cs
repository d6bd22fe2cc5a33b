using System.Globalization;
using System.Text.Json.Nodes;

namespace Rampart.Testing;

/// <summary>
/// Reads OCSF's own definition files (a class, the classes it extends, the profiles it includes, the objects it uses)
/// and checks a record against them: required attributes present, nothing outside the class or its applied profiles,
/// no deprecated attribute, enumerated ids among the defined values with their captions beside them, and the class
/// and type ids derived as OCSF derives them.
/// </summary>
/// <remarks>
/// A definition is read from the dataset folder when it is there, else from <see cref="OcsfSupplement"/>, which states
/// the few definitions the dataset lacks. An object whose parent definition is in neither place (<c>_resource</c>, say)
/// is checked for what is known: its required attributes and enums; unknown attributes cannot be judged and pass.
/// </remarks>
public sealed class OcsfSchema
{
    // The dataset leaves these to OCSF's dictionary, which it does not hold.
    private static readonly Dictionary<int, string> Severities = new()
    {
        [0] = "Unknown", [1] = "Informational", [2] = "Low", [3] = "Medium", [4] = "High", [5] = "Critical", [6] = "Fatal",
    };

    private readonly Dictionary<string, Attribute> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Attribute>> _profiles = new(StringComparer.Ordinal);

    /// <summary>Reads the class <paramref name="className"/> and its ancestors from <paramref name="directory"/>.</summary>
    public OcsfSchema(string directory, string className)
    {
        Directory = directory;
        for (var name = className; name is not null;)
        {
            var definition = Load(name) ?? throw new FileNotFoundException($"no OCSF definition of {name}", name);
            Merge(_attributes, definition);
            foreach (var include in definition["attributes"]?["$include"]?.AsArray() ?? [])
            {
                var profile = Path.GetFileNameWithoutExtension(include!.GetValue<string>());
                if (Load(profile) is { } profileDefinition)
                    Merge(_profiles.TryGetValue(profile, out var known) ? known : _profiles[profile] = new(StringComparer.Ordinal), profileDefinition);
            }

            name = definition["extends"]?.GetValue<string>();
        }

        Uid = Load(className)!["uid"]!.GetValue<int>();
    }

    /// <summary>The folder the definitions are read from.</summary>
    public string Directory { get; }

    /// <summary>The class's own uid within its category (4 for Detection Finding, 3 for Compliance Finding).</summary>
    public int Uid { get; }

    /// <summary>Every problem of <paramref name="record"/> as an event of the class with <paramref name="appliedProfiles"/>.</summary>
    public IEnumerable<string> Problems(JsonObject record, IReadOnlyCollection<string> appliedProfiles)
    {
        var attributes = new Dictionary<string, Attribute>(_attributes, StringComparer.Ordinal);
        foreach (var profile in appliedProfiles)
        {
            if (!_profiles.TryGetValue(profile, out var added))
            {
                yield return $"profile {profile} is not included by the class";
                continue;
            }

            foreach (var (name, attribute) in added)
            {
                attributes[name] = attributes.TryGetValue(name, out var known) && known.Requirement == "required" ? known : attribute;
            }
        }

        foreach (var problem in Check(record, "", attributes, complete: true))
            yield return problem;

        if (record["category_uid"]?.GetValue<int>() is { } category && record["class_uid"]?.GetValue<int>() is { } classUid
            && classUid != (category * 1000) + Uid)
            yield return $"class_uid {classUid} is not category_uid * 1000 + {Uid}";
        if (record["class_uid"]?.GetValue<int>() is { } owner && record["activity_id"]?.GetValue<int>() is { } activity
            && record["type_uid"]?.GetValue<int>() is { } type && type != (owner * 100) + activity)
            yield return $"type_uid {type} is not class_uid * 100 + activity_id";
    }

    /// <summary>
    /// Every problem of <paramref name="record"/> with the profiles its <c>metadata.profiles</c> names, of the objects in it
    /// that have a definition (<c>finding_info</c> and its <c>analytic</c>, <c>compliance</c>, <c>remediation</c>, <c>cloud</c>, each of <c>resources</c>), and
    /// of the values OCSF's dictionary fixes for every class (the severities, the Findings category).
    /// </summary>
    public IEnumerable<string> RecordProblems(JsonObject record)
    {
        var profiles = record["metadata"]?["profiles"]?.AsArray().Select(static p => p!.GetValue<string>()).ToList() ?? [];
        var problems = Problems(record, profiles).ToList();
        foreach (var name in (string[])["finding_info", "compliance", "remediation", "cloud"])
        {
            if (record[name] is JsonObject value && (_attributes.ContainsKey(name) || profiles.Contains(name)))
                problems.AddRange(ObjectProblems(value, name, profiles));
        }

        if (record["finding_info"]?["analytic"] is JsonObject analytic)
            problems.AddRange(ObjectProblems(analytic, "analytic", profiles));

        foreach (var resource in record["resources"]?.AsArray() ?? [])
            problems.AddRange(ObjectProblems(resource!.AsObject(), "resource_details", profiles));

        if (record["severity_id"]?.GetValue<int>() is { } severity
            && (Severities.TryGetValue(severity, out var caption) ? record["severity"]?.GetValue<string>() is { } text && text != caption : severity != 99))
            problems.Add($"severity_id {severity} with severity {record["severity"]}");
        if (_attributes.ContainsKey("finding_info") && record["category_uid"]?.GetValue<int>() != 2)
            problems.Add($"category_uid {record["category_uid"]} is not 2 (Findings)");
        if (record["metadata"]?["version"] is null || record["metadata"]?["product"] is null)
            problems.Add("required attribute metadata.version or metadata.product is missing");
        return problems;
    }

    /// <summary>Every problem of <paramref name="value"/> as an OCSF object <paramref name="objectName"/>.</summary>
    public IEnumerable<string> ObjectProblems(JsonObject value, string objectName, IReadOnlyCollection<string>? appliedProfiles = null)
    {
        var attributes = new Dictionary<string, Attribute>(StringComparer.Ordinal);
        var complete = false;
        for (string? name = objectName; name is not null;)
        {
            if (name == "object")
            {
                complete = true;
                break;
            }

            // The dataset names the cloud profile's file cloud.json too; a profile is never the object.
            if ((Load(name) is { } found && found["meta"]?.GetValue<string>() != "profile" ? found : OcsfSupplement.Definition(name)) is not { } definition)
                break;
            Merge(attributes, definition);
            name = definition["extends"]?.GetValue<string>();
        }

        // An attribute that belongs to a profile is part of the object only where the record applies that profile.
        var profiles = appliedProfiles ?? [];
        foreach (var (name, attribute) in attributes.Where(pair => pair.Value.Profile is { } profile && !profiles.Contains(profile)).ToList())
            attributes.Remove(name);

        return Check(value, objectName + ".", attributes, complete);
    }

    private static IEnumerable<string> Check(JsonObject value, string prefix, Dictionary<string, Attribute> attributes, bool complete)
    {
        foreach (var (name, _) in attributes.Where(pair => pair.Value.Requirement == "required" && value[pair.Key] is null))
            yield return $"required attribute {prefix}{name} is missing";
        foreach (var (name, node) in value)
        {
            if (!attributes.TryGetValue(name, out var attribute))
            {
                if (complete)
                    yield return $"attribute {prefix}{name} is not defined";
                continue;
            }

            if (attribute.Deprecated is { } since)
                yield return $"attribute {prefix}{name} is deprecated since {since}";
            if (attribute.Enum.Count == 0 || name is "class_uid" or "category_uid" || node is not JsonValue number
                || !number.TryGetValue<int>(out var id))
                continue;

            // OCSF reserves 0 (Unknown) and 99 (Other) for every enumerated id; Other names its value in the sibling.
            var caption = attribute.Enum.GetValueOrDefault(id) ?? (id == 0 ? "Unknown" : null);
            if (caption is null && id != 99)
            {
                yield return $"{prefix}{name} {id} is not one of {string.Join(", ", attribute.Enum.Keys.Order())}";
                continue;
            }

            var sibling = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : null;
            if (sibling is not null && !attributes.ContainsKey(sibling))
                sibling += "_name";
            if (caption is not null && sibling is not null && value[sibling]?.GetValue<string>() is { } text && text != caption)
                yield return $"{prefix}{sibling} \"{text}\" is not the caption of {prefix}{name} {id} (\"{caption}\")";
        }
    }

    private static void Merge(Dictionary<string, Attribute> into, JsonNode definition)
    {
        foreach (var (name, spec) in definition["attributes"]!.AsObject().Where(pair => pair.Key != "$include"))
        {
            var found = new Attribute(
                spec?["requirement"]?.GetValue<string>(),
                spec?["profile"] is JsonValue profile ? profile.GetValue<string>() : null,
                spec?["@deprecated"]?["since"]?.GetValue<string>(),
                (spec?["enum"]?.AsObject() ?? []).ToDictionary(
                    pair => int.Parse(pair.Key, CultureInfo.InvariantCulture), pair => pair.Value?["caption"]?.GetValue<string>() ?? ""));

            // The class read first is the most derived: it keeps its requirement and captions, and adds the parent's values.
            if (!into.TryGetValue(name, out var known))
            {
                into[name] = found;
                continue;
            }

            var values = new Dictionary<int, string>(found.Enum);
            foreach (var (id, caption) in known.Enum)
                values[id] = caption;
            into[name] = new Attribute(known.Requirement ?? found.Requirement, known.Profile ?? found.Profile, known.Deprecated ?? found.Deprecated, values);
        }
    }

    private JsonNode? Load(string name)
    {
        var path = Path.Combine(Directory, name + ".json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : OcsfSupplement.Definition(name);
    }

    private sealed record Attribute(string? Requirement, string? Profile, string? Deprecated, Dictionary<int, string> Enum);
}
