using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// A scalar from a rule with its YAML 1.2 core-schema type: quoted scalars are strings; plain ones are
/// null (<c>null</c>, <c>~</c>, empty), booleans (<c>true</c>/<c>false</c>), decimal numbers, or strings.
/// YAML 1.1's <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> and hexadecimal or octal forms stay strings, so
/// <c>MFAUsed: NO</c> means the text NO.
/// </summary>
internal readonly partial record struct RuleValue(RuleValueKind Kind, string Text, YamlScalarNode Node)
{
    public double Number => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static RuleValue From(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null)
        {
            return tag switch
            {
                "tag:yaml.org,2002:null" => new RuleValue(RuleValueKind.Null, string.Empty, node),
                "tag:yaml.org,2002:bool" when IsBoolean(text) => new RuleValue(RuleValueKind.Boolean, text.ToLowerInvariant(), node),
                "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" when NumberPattern().IsMatch(text) => new RuleValue(RuleValueKind.Number, text, node),
                _ => new RuleValue(RuleValueKind.String, text, node),
            };
        }

        if (node.Style != ScalarStyle.Plain)
            return new RuleValue(RuleValueKind.String, text, node);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return new RuleValue(RuleValueKind.Null, string.Empty, node);
        if (IsBoolean(text))
            return new RuleValue(RuleValueKind.Boolean, text.ToLowerInvariant(), node);
        if (NumberPattern().IsMatch(text))
            return new RuleValue(RuleValueKind.Number, text, node);
        return new RuleValue(RuleValueKind.String, text, node);
    }

    public bool TryGetNumber(out double number)
    {
        if (Kind is RuleValueKind.Number or RuleValueKind.String && NumberPattern().IsMatch(Text.Trim()))
            return double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        number = 0;
        return false;
    }

    private static bool IsBoolean(string text) => text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
