namespace Rampart.Iam.Catalog;

/// <summary>
/// Matches a condition key from a policy against a catalog key whose variable parts (<c>${TagKey}</c>,
/// <c>&lt;key&gt;</c>) each stand for one or more characters. Key names are case-insensitive in IAM.
/// </summary>
internal static class ConditionKeyTemplate
{
    public static bool HasVariable(string name) =>
        name.Contains("${", StringComparison.Ordinal) || name.Contains('<', StringComparison.Ordinal);

    public static bool Matches(ReadOnlySpan<char> template, ReadOnlySpan<char> key)
    {
        while (!template.IsEmpty)
        {
            var variable = VariableLength(template);
            if (variable > 0)
            {
                // Catalog keys hold at most two variables, so trying every split stays cheap.
                var rest = template[variable..];
                for (var taken = 1; taken <= key.Length; taken++)
                {
                    if (Matches(rest, key[taken..]))
                        return true;
                }

                return false;
            }

            if (key.IsEmpty || char.ToUpperInvariant(template[0]) != char.ToUpperInvariant(key[0]))
                return false;
            template = template[1..];
            key = key[1..];
        }

        return key.IsEmpty;
    }

    /// <summary>The number of characters of <paramref name="template"/> outside its variable parts.</summary>
    public static int FixedLength(ReadOnlySpan<char> template)
    {
        var length = 0;
        while (!template.IsEmpty)
        {
            var variable = VariableLength(template);
            if (variable == 0)
                length++;
            template = template[Math.Max(variable, 1)..];
        }

        return length;
    }

    private static int VariableLength(ReadOnlySpan<char> template)
    {
        var close = template.StartsWith("${", StringComparison.Ordinal) ? '}' : template[0] == '<' ? '>' : '\0';
        if (close == '\0')
            return 0;
        var end = template.IndexOf(close);
        return end < 0 ? 0 : end + 1;
    }
}
