using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
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
                var json = ToJson(log);
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

    private static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(node, writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(value, writer);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                    Write(item, writer);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar, writer);
                break;
        }
    }

    // Plain scalars follow YAML's core schema (numbers, booleans, null); quoted ones are strings.
    private static void WriteScalar(YamlScalarNode scalar, Utf8JsonWriter writer)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (text is "null" or "~" or "")
            {
                writer.WriteNullValue();
                return;
            }

            if (text is "true" or "false")
            {
                writer.WriteBooleanValue(text == "true");
                return;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                writer.WriteNumberValue(integer);
                return;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                writer.WriteNumberValue(real);
                return;
            }
        }

        writer.WriteStringValue(text);
    }
}
