using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Posture.Checks;

/// <summary>
/// Turns YAML into JSON with YAML's core-schema typing: plain <c>true</c>/<c>false</c> are booleans, plain numbers are
/// numbers, plain <c>null</c>, <c>~</c> or nothing is null, and everything quoted is a string — so <c>value: "22"</c> is
/// the string and <c>value: 22</c> the number.
/// </summary>
internal static partial class YamlJson
{
    public static JsonElement ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            Write(json, node);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                json.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    json.WritePropertyName(key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : key.ToString());
                    Write(json, value);
                }

                json.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Children)
                    Write(json, item);
                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(json, scalar);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            json.WriteStringValue(text);
            return;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                json.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                json.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                json.WriteBooleanValue(false);
                return;
        }

        if (Number().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            json.WriteNumberValue(number);
        else
            json.WriteStringValue(text);
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
