using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
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
            yield return (name, ToJson(log));
        }
    }

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
