namespace Rampart.Detection.Sigma.Conditions;

/// <summary>
/// Splits a condition into tokens. Words run until whitespace, a parenthesis or <c>|</c>, so identifiers
/// may hold any other character (<c>selection-1</c>, <c>filter.main</c>, <c>sel*</c>). <c>and</c>,
/// <c>or</c> and <c>not</c> are operators in any case.
/// </summary>
internal static class ConditionLexer
{
    public static List<ConditionToken> Tokenize(string text)
    {
        var tokens = new List<ConditionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var kind = c switch
            {
                '(' => ConditionTokenKind.OpenParenthesis,
                ')' => ConditionTokenKind.CloseParenthesis,
                '|' => ConditionTokenKind.Pipe,
                _ => ConditionTokenKind.Word,
            };
            if (kind != ConditionTokenKind.Word)
            {
                tokens.Add(new ConditionToken(kind, c.ToString(), i));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                i++;
            var word = text[start..i];
            kind = word.ToUpperInvariant() switch
            {
                "AND" => ConditionTokenKind.And,
                "OR" => ConditionTokenKind.Or,
                "NOT" => ConditionTokenKind.Not,
                _ => ConditionTokenKind.Word,
            };
            tokens.Add(new ConditionToken(kind, word, start));
        }

        tokens.Add(new ConditionToken(ConditionTokenKind.End, string.Empty, text.Length));
        return tokens;
    }
}
