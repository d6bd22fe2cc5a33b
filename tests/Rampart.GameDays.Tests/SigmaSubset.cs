using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Rampart.GameDays.Tests;

/// <summary>
/// Just enough Sigma to check the generator's claims against SigmaHQ rules in tests: field selections with
/// the modifiers those rules use (contains, startswith, endswith, all, re, fieldref, null) and conditions
/// with and/or/not, parentheses and "1 of"/"all of". The real engine lives in Rampart.Detection; this one
/// exists so the generator can be tested without depending on it.
/// </summary>
public sealed class SigmaSubset
{
    private readonly Dictionary<string, List<Dictionary<string, List<(string[] Modifiers, string? Value)>>>> _selections = new(StringComparer.Ordinal);
    private readonly string _condition;
    private readonly IReadOnlyDictionary<string, string> _fieldMap;

    private SigmaSubset(string id, string title, YamlMappingNode detection, IReadOnlyDictionary<string, string> fieldMap)
    {
        Id = id;
        Title = title;
        _fieldMap = fieldMap;
        _condition = "";
        foreach (var (keyNode, valueNode) in detection.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (key == "condition")
            {
                _condition = ((YamlScalarNode)valueNode).Value!;
                continue;
            }

            if (key == "timeframe")
                continue;
            var alternatives = valueNode is YamlSequenceNode list ? list.Children.Cast<YamlMappingNode>().ToList() : [(YamlMappingNode)valueNode];
            _selections[key] = alternatives.Select(Parse).ToList();
        }
    }

    public string Id { get; }

    public string Title { get; }

    public static SigmaSubset Load(string path, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Scalar(string name) => ((YamlScalarNode)root.Children[new YamlScalarNode(name)]).Value!;
        return new SigmaSubset(Scalar("id"), Scalar("title"), (YamlMappingNode)root.Children[new YamlScalarNode("detection")], fieldMap ?? new Dictionary<string, string>());
    }

    public bool Matches(JsonElement record) => new ConditionParser(Tokenize(_condition), name => Selection(name, record), _selections.Keys).Parse();

    private static Dictionary<string, List<(string[] Modifiers, string? Value)>> Parse(YamlMappingNode mapping)
    {
        var fields = new Dictionary<string, List<(string[], string?)>>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var values = valueNode switch
            {
                YamlSequenceNode sequence => sequence.Children.Select(child => ((YamlScalarNode)child).Value).ToList(),
                YamlScalarNode scalar => [scalar.Value is "null" or "" && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? null : scalar.Value],
                _ => throw new NotSupportedException(valueNode.NodeType.ToString()),
            };
            var key = ((YamlScalarNode)keyNode).Value!;
            fields[key] = values.Select(value => (key.Split('|')[1..], value)).ToList();
        }

        return fields;
    }

    private bool Selection(string name, JsonElement record) => _selections[name].Any(alternative => alternative.All(field => FieldMatches(field.Key.Split('|')[0], field.Value, record)));

    private bool FieldMatches(string field, List<(string[] Modifiers, string? Value)> values, JsonElement record)
    {
        var actual = Value(record, _fieldMap.TryGetValue(field, out var mapped) ? mapped : field);
        var modifiers = values[0].Modifiers;
        bool One((string[] Modifiers, string? Value) expected)
        {
            if (expected.Value is null)
                return actual is null;
            if (actual is null)
                return false;
            if (modifiers.Contains("fieldref"))
                return string.Equals(actual, Value(record, expected.Value), StringComparison.OrdinalIgnoreCase);
            if (modifiers.Contains("re"))
                return Regex.IsMatch(actual, expected.Value);
            var pattern = modifiers.Contains("contains") ? "*" + expected.Value + "*"
                : modifiers.Contains("startswith") ? expected.Value + "*"
                : modifiers.Contains("endswith") ? "*" + expected.Value
                : expected.Value;
            var regex = "^" + string.Concat(pattern.Select(ch => ch switch { '*' => ".*", '?' => ".", _ => Regex.Escape(ch.ToString()) })) + "$";
            return Regex.IsMatch(actual, regex, RegexOptions.IgnoreCase | RegexOptions.Singleline);
        }

        return modifiers.Contains("all") ? values.All(One) : values.Any(One);
    }

    /// <summary>The text a rule compares: strings as they are, other scalars as JSON text, objects as their raw JSON.</summary>
    private static string? Value(JsonElement record, string path)
    {
        var value = TelemetryFiles.Get(record, path);
        return value switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            { } other => other.GetRawText(),
        };
    }

    private static List<string> Tokenize(string condition) =>
        Regex.Matches(condition, @"\(|\)|[^\s()]+").Select(match => match.Value).ToList();

    private sealed class ConditionParser(List<string> tokens, Func<string, bool> selection, IEnumerable<string> names)
    {
        private int _position;

        public bool Parse()
        {
            var result = Or();
            if (_position != tokens.Count)
                throw new FormatException("unexpected " + tokens[_position]);
            return result;
        }

        private bool Or()
        {
            var result = And();
            while (Peek("or"))
            {
                _position++;
                result |= And();
            }

            return result;
        }

        private bool And()
        {
            var result = Not();
            while (Peek("and"))
            {
                _position++;
                result &= Not();
            }

            return result;
        }

        private bool Not()
        {
            if (Peek("not"))
            {
                _position++;
                return !Not();
            }

            if (Peek("("))
            {
                _position++;
                var inner = Or();
                _position++;
                return inner;
            }

            var token = tokens[_position++];
            if (token is "1" or "all" && Peek("of"))
            {
                _position++;
                var pattern = tokens[_position++];
                var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
                var matched = names.Where(name => pattern == "them" || regex.IsMatch(name)).ToList();
                return token == "1" ? matched.Any(selection) : matched.All(selection);
            }

            return selection(token);
        }

        private bool Peek(string token) => _position < tokens.Count && tokens[_position] == token;
    }
}
