using System.Collections.Frozen;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>The modifier names a rule may write (case-insensitive), including pySigma's long regex flag names and Rampart's <c>intel</c>.</summary>
internal static class ModifierNames
{
    private static readonly FrozenDictionary<string, ModifierKind> Kinds = new Dictionary<string, ModifierKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["contains"] = ModifierKind.Contains,
        ["startswith"] = ModifierKind.StartsWith,
        ["endswith"] = ModifierKind.EndsWith,
        ["all"] = ModifierKind.All,
        ["exists"] = ModifierKind.Exists,
        ["cased"] = ModifierKind.Cased,
        ["neq"] = ModifierKind.NotEqual,
        ["windash"] = ModifierKind.WindowsDash,
        ["re"] = ModifierKind.Regex,
        ["i"] = ModifierKind.RegexIgnoreCase,
        ["ignorecase"] = ModifierKind.RegexIgnoreCase,
        ["m"] = ModifierKind.RegexMultiline,
        ["multiline"] = ModifierKind.RegexMultiline,
        ["s"] = ModifierKind.RegexDotAll,
        ["dotall"] = ModifierKind.RegexDotAll,
        ["base64"] = ModifierKind.Base64,
        ["base64offset"] = ModifierKind.Base64Offset,
        ["utf16le"] = ModifierKind.Utf16LittleEndian,
        ["utf16be"] = ModifierKind.Utf16BigEndian,
        ["utf16"] = ModifierKind.Utf16,
        ["wide"] = ModifierKind.Wide,
        ["lt"] = ModifierKind.LessThan,
        ["lte"] = ModifierKind.LessOrEqual,
        ["gt"] = ModifierKind.GreaterThan,
        ["gte"] = ModifierKind.GreaterOrEqual,
        ["minute"] = ModifierKind.Minute,
        ["hour"] = ModifierKind.Hour,
        ["day"] = ModifierKind.Day,
        ["week"] = ModifierKind.Week,
        ["month"] = ModifierKind.Month,
        ["year"] = ModifierKind.Year,
        ["cidr"] = ModifierKind.Cidr,
        ["expand"] = ModifierKind.Expand,
        ["fieldref"] = ModifierKind.FieldReference,
        ["intel"] = ModifierKind.Intel,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, out ModifierKind kind) => Kinds.TryGetValue(name, out kind);
}
