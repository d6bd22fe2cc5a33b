using Rampart.Core;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DevLab.JmesPath;
using DevLab.JmesPath.Expressions;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Checks.Plugins;
using Rampart.Posture.Inventory;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Posture.Checks;

/// <summary>Reads the checks of one file, reporting every problem to the sink and going on past each.</summary>
internal sealed partial class CheckFileParser(string path, IDiagnosticSink diagnostics, bool directPaths = true)
{
    private static readonly string[] CheckKeys =
        ["id", "title", "description", "severity", "resource", "frameworks", "remediation", "applies", "assert", "evidence", "plugin", "parameters", "examples"];

    private static readonly string[] NotForPlugins = ["applies", "assert", "evidence"];
    private static readonly string[] ConditionKeys = ["all", "any", "not", "path", "op", "value", "each", "some", "none"];
    private static readonly string[] ExampleKeys = ["name", "status", "at", "resource", "resources"];
    private static readonly string[] ResourceKeys = ["key", "type", "account", "region", "id", "configuration", "supplementary", "tags"];
    private static readonly JmesPath Jmes = new();

    private static readonly Dictionary<string, Severity> Severities = new(StringComparer.Ordinal)
    {
        ["informational"] = Severity.Informational,
        ["low"] = Severity.Low,
        ["medium"] = Severity.Medium,
        ["high"] = Severity.High,
        ["critical"] = Severity.Critical,
    };

    private int _errors;

    public List<(CheckDefinition Check, SourceLocation IdLocation, bool Valid)> Parse(string text)
    {
        var checks = new List<(CheckDefinition, SourceLocation, bool)>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            Report(CheckDiagnostics.Syntax(At(e.Start), e.InnerException?.Message ?? e.Message));
            return checks;
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
                continue;
            if (document.RootNode is not YamlMappingNode root)
            {
                Report(CheckDiagnostics.NotAMapping(At(document.RootNode), "a check"));
                continue;
            }

            var before = _errors;
            if (ReadCheck(root) is { } check)
                checks.Add((check.Check, check.IdLocation, _errors == before));
        }

        return checks;
    }

    private (CheckDefinition Check, SourceLocation IdLocation)? ReadCheck(YamlMappingNode root)
    {
        var keys = Keys(root, CheckKeys);
        var at = At(root);
        var id = Text(keys, "id", root, required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            Report(CheckDiagnostics.BadId(At(keys["id"]), id));
        var title = Text(keys, "title", root, required: true);
        var description = Text(keys, "description", root, required: false) ?? "";
        var remediation = Text(keys, "remediation", root, required: false) ?? "";
        var severity = Severity.Informational;
        if (Text(keys, "severity", root, required: true) is { } severityText)
        {
            if (Severities.TryGetValue(severityText, out var parsed))
                severity = parsed;
            else
                Report(CheckDiagnostics.UnknownSeverity(At(keys["severity"]), severityText));
        }

        var types = ReadTypes(keys, root);
        var frameworks = ReadFrameworks(keys);
        var applies = keys.TryGetValue("applies", out var appliesNode) ? ReadCondition(appliesNode, relative: false) : null;
        CheckCondition? assert = null;
        var (plugin, logic) = ReadPlugin(keys, types);
        if (keys.TryGetValue("assert", out var assertNode))
            assert = ReadCondition(assertNode, relative: false);
        else if (plugin is null)
            Report(CheckDiagnostics.MissingKey(at, "assert", "a check"));
        var evidence = ReadEvidence(keys);
        var examples = ReadExamples(keys, types, id ?? "", plugin is not null);
        if (id is null)
            return null;
        if (examples.IsEmpty)
            diagnostics.Report(CheckDiagnostics.NoExamples(At(keys["id"]), id));
        var check = new CheckDefinition
        {
            Id = id,
            Title = title ?? "",
            Description = description,
            Severity = severity,
            ResourceTypes = types,
            Frameworks = frameworks,
            Remediation = remediation,
            Evidence = [.. evidence.Select(static p => p.Text)],
            EvidencePaths = evidence,
            Examples = examples,
            Plugin = plugin,
            PluginLogic = logic,
            Location = at,
            Applies = applies,
            Assert = assert ?? new AllCondition(at, []),
        };
        return (check, At(keys["id"]));
    }

    // `plugin: NAME` with its `parameters`, instead of `applies`, `assert` and `evidence`: the plugin judges and reports.
    private (string? Name, CheckPlugin? Logic) ReadPlugin(Dictionary<string, YamlNode> keys, ImmutableArray<string> types)
    {
        var hasParameters = keys.TryGetValue("parameters", out var parametersNode);
        if (!keys.TryGetValue("plugin", out var pluginNode))
        {
            if (hasParameters)
                Report(CheckDiagnostics.PluginShape(At(parametersNode!), "`parameters` belong to a plugin check; name the plugin with `plugin`."));
            return (null, null);
        }

        foreach (var key in NotForPlugins.Where(keys.ContainsKey))
            Report(CheckDiagnostics.PluginShape(At(keys[key]), $"a plugin check has no `{key}`: the plugin judges and gives the evidence."));
        if (pluginNode is not YamlScalarNode { Value: { Length: > 0 } name })
        {
            Report(CheckDiagnostics.WrongType(At(pluginNode), "plugin", "a plugin name"));
            return (null, null);
        }

        if (CheckPlugins.SubjectOf(name) is not { } subject)
        {
            Report(CheckDiagnostics.UnknownPlugin(At(pluginNode), name, CheckPlugins.Names));
            return (name, null);
        }

        if (types.Length != 1 || types[0] != subject)
            Report(CheckDiagnostics.PluginSubject(At(keys.GetValueOrDefault("resource") ?? pluginNode), name, subject));
        var parameters = hasParameters ? YamlJson.ToJson(parametersNode!) : default;
        var logic = CheckPlugins.Create(name, parameters, message => Report(CheckDiagnostics.BadParameters(At(parametersNode ?? pluginNode), name, message)));
        return (name, logic);
    }

    private ImmutableArray<string> ReadTypes(Dictionary<string, YamlNode> keys, YamlMappingNode root)
    {
        if (!keys.TryGetValue("resource", out var node))
        {
            Report(CheckDiagnostics.MissingKey(At(root), "resource", "a check"));
            return [];
        }

        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        if (items.Count == 0)
            Report(CheckDiagnostics.EmptyList(At(node), "resource"));
        var types = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } type })
            {
                Report(CheckDiagnostics.WrongType(At(item), "resource", "a resource type or a list of them"));
                continue;
            }

            if (!TypePattern().IsMatch(type))
                Report(CheckDiagnostics.BadResourceType(At(item), type));
            types.Add(type);
        }

        return types.ToImmutable();
    }

    private ImmutableSortedDictionary<string, ImmutableArray<string>> ReadFrameworks(Dictionary<string, YamlNode> keys)
    {
        var frameworks = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (!keys.TryGetValue("frameworks", out var node))
            return frameworks.ToImmutable();
        if (node is not YamlMappingNode mapping)
        {
            Report(CheckDiagnostics.WrongType(At(node), "frameworks", "a mapping of framework ids to lists of control ids"));
            return frameworks.ToImmutable();
        }

        foreach (var (key, value) in mapping.Children)
        {
            var framework = (key as YamlScalarNode)?.Value ?? "";
            var controls = value is YamlSequenceNode list ? list.Children : value is YamlScalarNode ? [value] : [];
            if (controls.Count == 0 || controls.Any(static c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                Report(CheckDiagnostics.WrongType(At(value), "frameworks." + framework, "a non-empty list of control ids"));
                continue;
            }

            frameworks[framework] = [.. controls.Select(static c => ((YamlScalarNode)c).Value!)];
        }

        return frameworks.ToImmutable();
    }

    private ImmutableArray<CompiledPath> ReadEvidence(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("evidence", out var node))
            return [];
        if (node is not YamlSequenceNode sequence)
        {
            Report(CheckDiagnostics.WrongType(At(node), "evidence", "a list of paths"));
            return [];
        }

        var paths = ImmutableArray.CreateBuilder<CompiledPath>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value.Length: > 0 } scalar)
                Report(CheckDiagnostics.WrongType(At(item), "evidence", "a list of paths"));
            else if (ReadPath(scalar, relative: false) is { } path)
                paths.Add(path);
        }

        return paths.ToImmutable();
    }

    private CheckCondition? ReadCondition(YamlNode node, bool relative)
    {
        var at = At(node);
        if (node is not YamlMappingNode mapping)
        {
            Report(CheckDiagnostics.NotAMapping(at, "a condition"));
            return null;
        }

        var keys = Keys(mapping, ConditionKeys);
        string[] shapes = ["all", "any", "not", "path"];
        if (shapes.Count(keys.ContainsKey) != 1)
        {
            Report(CheckDiagnostics.ConditionShape(at));
            return null;
        }

        if (keys.TryGetValue("all", out var allNode) || keys.TryGetValue("any", out allNode))
        {
            var name = keys.ContainsKey("all") ? "all" : "any";
            if (keys.Count != 1)
                Report(CheckDiagnostics.ConditionShape(at));
            if (allNode is not YamlSequenceNode list)
            {
                Report(CheckDiagnostics.WrongType(At(allNode), name, "a list of conditions"));
                return null;
            }

            if (list.Children.Count == 0)
                Report(CheckDiagnostics.EmptyList(At(allNode), name));
            var parts = list.Children.Select(child => ReadCondition(child, relative)).ToList();
            if (parts.Any(static p => p is null))
                return null;
            return name == "all" ? new AllCondition(at, [.. parts!]) : new AnyCondition(at, [.. parts!]);
        }

        if (keys.TryGetValue("not", out var notNode))
        {
            if (keys.Count != 1)
                Report(CheckDiagnostics.ConditionShape(at));
            return ReadCondition(notNode, relative) is { } inner ? new NotCondition(at, inner) : null;
        }

        var pathNode = keys["path"];
        string[] quantifiers = ["each", "some", "none"];
        var quantifierKeys = quantifiers.Where(keys.ContainsKey).ToList();
        var hasOp = keys.ContainsKey("op");
        if (quantifierKeys.Count + (hasOp ? 1 : 0) != 1 || (quantifierKeys.Count == 1 && keys.ContainsKey("value")))
        {
            Report(CheckDiagnostics.ConditionShape(at));
            return null;
        }

        var path = pathNode is YamlScalarNode { Value.Length: > 0 } pathScalar ? ReadPath(pathScalar, relative) : null;
        if (pathNode is not YamlScalarNode { Value.Length: > 0 })
            Report(CheckDiagnostics.WrongType(At(pathNode), "path", "a JMESPath expression"));
        if (quantifierKeys.Count == 1)
        {
            var quantifier = Enum.Parse<Quantifier>(quantifierKeys[0], ignoreCase: true);
            var body = ReadCondition(keys[quantifierKeys[0]], relative: true);
            return path is null || body is null ? null : new QuantifiedCondition(at, path, quantifier, body);
        }

        return ReadLeaf(keys, at, path);
    }

    private LeafCondition? ReadLeaf(Dictionary<string, YamlNode> keys, SourceLocation at, CompiledPath? path)
    {
        var opNode = keys["op"];
        if (opNode is not YamlScalarNode { Value: { } opText })
        {
            Report(CheckDiagnostics.WrongType(At(opNode), "op", "an operator name"));
            return null;
        }

        if (!CheckOperators.TryParse(opText, out var op))
        {
            Report(CheckDiagnostics.UnknownOperator(At(opNode), opText, CheckOperators.Names));
            return null;
        }

        var hasValue = keys.TryGetValue("value", out var valueNode);
        var value = hasValue ? YamlJson.ToJson(valueNode!) : default;
        var kind = CheckOperators.ValueOf(op);
        if (kind == OperatorValue.None && hasValue)
        {
            Report(CheckDiagnostics.NoValue(At(valueNode!), opText));
            return null;
        }

        if (!hasValue && CheckOperators.ValueRequired(op))
        {
            Report(CheckDiagnostics.MissingKey(at, "value", $"`{opText}`"));
            return null;
        }

        if (hasValue && Expected(kind, value) is { } expected)
        {
            Report(CheckDiagnostics.WrongValue(At(valueNode!), opText, expected));
            return null;
        }

        if (path is null)
            return null;
        if (path.Projects && CheckOperators.TakesOneValue(op))
        {
            Report(CheckDiagnostics.NeedsQuantifier(at, path.Text, opText));
            return null;
        }

        return new LeafCondition(at, path, op, value);
    }

    /// <summary>What the value should have been, or null when it fits the operator.</summary>
    private static string? Expected(OperatorValue kind, JsonElement value) => kind switch
    {
        OperatorValue.List when value.ValueKind != JsonValueKind.Array => "a list",
        OperatorValue.Scalar when value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null => "a string, number or boolean",
        OperatorValue.Text when value.ValueKind != JsonValueKind.String => "a string",
        OperatorValue.Number when value.ValueKind != JsonValueKind.Number => "a number",
        OperatorValue.Regex when value.ValueKind != JsonValueKind.String || !IsRegex(value.GetString()!) => "a regular expression (.NET syntax, no backreferences or lookarounds)",
        OperatorValue.Cidr when value.ValueKind != JsonValueKind.String || Cidr.Parse(value.GetString()!) is null => "an IPv4 or IPv6 address or CIDR range",
        OperatorValue.Ports when PortSpec.Parse(value) is null => "a port (`22`), a range (`1024-2048`), either with `/tcp`, `/udp` or a protocol number, or `all`",
        OperatorValue.AccountList when value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(static a => !IsAccount(a)) => "a list of twelve-digit account ids",
        OperatorValue.ActionList when value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(static a => a.ValueKind != JsonValueKind.String || !a.GetString()!.Contains(':', StringComparison.Ordinal)) => "a list of actions (`sqs:SendMessage`)",
        _ => null,
    };

    private static bool IsAccount(JsonElement value) =>
        (value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null) is { Length: 12 } text
        && text.All(char.IsAsciiDigit);

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private CompiledPath? ReadPath(YamlScalarNode node, bool relative)
    {
        var text = node.Value!;
        JmesPathExpression expression;
        try
        {
            expression = Jmes.Parse(text);
        }
#pragma warning disable CA1031 // JmesPath.Net reports syntax errors with exceptions of several types; each is the user's input, reported as a diagnostic.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Report(CheckDiagnostics.BadPath(At(node), text, e.Message.Trim()));
            return null;
        }

        var steps = PathSyntax.TryRead(text);
        if (!relative && steps is { } direct)
        {
            if (direct[0].Kind != PathStepKind.Field || !ResourceView.RootFields.Contains(direct[0].Name!))
            {
                Report(CheckDiagnostics.UnknownRoot(At(node), text, direct[0].Name ?? "@"));
                return null;
            }
        }

        return new CompiledPath(text, expression, directPaths ? steps : null, relative);
    }

    private ImmutableArray<CheckExample> ReadExamples(Dictionary<string, YamlNode> keys, ImmutableArray<string> types, string checkId, bool plugin)
    {
        if (!keys.TryGetValue("examples", out var node))
            return [];
        if (node is not YamlSequenceNode sequence)
        {
            Report(CheckDiagnostics.WrongType(At(node), "examples", "a list of examples"));
            return [];
        }

        var examples = ImmutableArray.CreateBuilder<CheckExample>();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            index++;
            if (item is not YamlMappingNode mapping)
            {
                Report(CheckDiagnostics.NotAMapping(At(item), "an example"));
                continue;
            }

            var fields = Keys(mapping, ExampleKeys);
            var name = Text(fields, "name", mapping, required: false) ?? $"example {index}";
            var statusText = Text(fields, "status", mapping, required: true);
            var status = CheckStatus.Pass;
            if (statusText is not null && !CheckStatusText.TryParse(statusText, out status))
                Report(CheckDiagnostics.UnknownStatus(At(fields["status"]), statusText));
            DateTimeOffset? time = null;
            if (Text(fields, "at", mapping, required: false) is { } atText)
            {
                if (DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    time = parsed;
                else
                    Report(CheckDiagnostics.BadTime(At(fields["at"]), atText));
            }

            // A check in the language is shown one `resource`; a plugin check, a list of `resources` of any types.
            var (wanted, other) = plugin ? ("resources", "resource") : ("resource", "resources");
            if (fields.TryGetValue(other, out var otherNode))
                Report(CheckDiagnostics.PluginShape(At(otherNode), plugin ? "a plugin check's example lists `resources` (of any types), not one `resource`." : "`resources` belongs to a plugin check's example; this check is shown one `resource`."));
            if (!fields.TryGetValue(wanted, out var resourceNode))
            {
                Report(CheckDiagnostics.MissingKey(At(mapping), wanted, "an example"));
                continue;
            }

            if (!plugin)
            {
                if (ReadResource(resourceNode, types, $"{checkId}-example-{index}") is { } resource)
                    examples.Add(new CheckExample(name, status, [resource], time, At(mapping)));
                continue;
            }

            if (resourceNode is not YamlSequenceNode list)
            {
                Report(CheckDiagnostics.WrongType(At(resourceNode), "resources", "a list of resources"));
                continue;
            }

            var resources = list.Children.Select((item, n) => ReadResource(item, [], $"{checkId}-example-{index}-{n + 1}")).ToList();
            if (resources.All(static r => r is not null))
                examples.Add(new CheckExample(name, status, [.. resources!], time, At(mapping)));
        }

        return examples.ToImmutable();
    }

    // `types` empty: any type, which the resource must then name.
    private CloudResource? ReadResource(YamlNode node, ImmutableArray<string> types, string defaultId)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(CheckDiagnostics.NotAMapping(At(node), "an example's resource"));
            return null;
        }

        var fields = Keys(mapping, ResourceKeys);
        var type = Text(fields, "type", mapping, required: types.IsEmpty) ?? (types.IsEmpty ? "" : types[0]);
        if (fields.TryGetValue("type", out var typeNode) && !types.IsEmpty && !types.Contains(type))
            Report(CheckDiagnostics.ExampleType(At(typeNode), type, types));
        var account = Text(fields, "account", mapping, required: false) ?? "111122223333";
        var region = Text(fields, "region", mapping, required: false) ?? "us-east-1";
        var id = Text(fields, "id", mapping, required: false) ?? defaultId;
        var key = Text(fields, "key", mapping, required: false) ?? Inventory.ResourceKeys.For(type, account, region, id);
        var configuration = fields.TryGetValue("configuration", out var configurationNode) ? YamlJson.ToJson(configurationNode) : YamlJson.ToJson(new YamlMappingNode());
        var supplementary = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        if (fields.TryGetValue("supplementary", out var supplementaryNode))
        {
            if (supplementaryNode is YamlMappingNode documents)
            {
                foreach (var (name, value) in documents.Children)
                    supplementary[((YamlScalarNode)name).Value ?? ""] = YamlJson.ToJson(value);
            }
            else
            {
                Report(CheckDiagnostics.WrongType(At(supplementaryNode), "supplementary", "a mapping of names to documents"));
            }
        }

        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (fields.TryGetValue("tags", out var tagsNode))
        {
            if (tagsNode is YamlMappingNode tagMap && tagMap.Children.All(static t => t.Key is YamlScalarNode && t.Value is YamlScalarNode))
            {
                foreach (var (name, value) in tagMap.Children)
                    tags[((YamlScalarNode)name).Value ?? ""] = ((YamlScalarNode)value).Value ?? "";
            }
            else
            {
                Report(CheckDiagnostics.WrongType(At(tagsNode), "tags", "a mapping of tag keys to values"));
            }
        }

        return new CloudResource
        {
            Key = key,
            Type = type,
            Account = account,
            Region = region,
            Id = id,
            Configuration = configuration,
            Supplementary = supplementary.ToImmutable(),
            Tags = tags.ToImmutable(),
            Provenance = new ResourceProvenance("example", At(mapping).ToString(), null),
        };
    }

    private Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string[] allowed)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                Report(CheckDiagnostics.UnknownKey(At(keyNode), key, allowed));
            else
                keys[key] = value;
        }

        return keys;
    }

    private string? Text(Dictionary<string, YamlNode> keys, string key, YamlMappingNode owner, bool required)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            if (required)
                Report(CheckDiagnostics.MissingKey(At(owner), key, owner == null ? "" : OwnerName(key)));
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
            return text;
        Report(CheckDiagnostics.WrongType(At(node), key, "a non-empty string"));
        return null;
    }

    private static string OwnerName(string key) => key switch
    {
        "status" => "an example",
        "type" => "a plugin check example's resource",
        _ => "a check",
    };

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Error)
            _errors++;
        diagnostics.Report(diagnostic);
    }

    private SourceLocation At(YamlNode node) => At(node.Start);

    private SourceLocation At(Mark mark) => new(path, mark.Line, mark.Column);

    [GeneratedRegex("^[a-z][a-z0-9]*([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*::[A-Za-z0-9]+::[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
