using System.Collections.Immutable;
using System.Text;

namespace Rampart.Iam.Policies;

/// <summary>
/// A policy value with <c>${…}</c> variables: <c>arn:aws:s3:::bucket/${aws:username}/*</c>. Variables name a context
/// key and may give a default (<c>${aws:PrincipalTag/team, 'none'}</c>); <c>${*}</c>, <c>${?}</c> and <c>${$}</c> stand for
/// the literal characters.
/// </summary>
internal sealed class PolicyTemplate
{
    private readonly ImmutableArray<Part> _parts;

    private PolicyTemplate(ImmutableArray<Part> parts) => _parts = parts;

    /// <summary>Whether any part is a context key.</summary>
    public bool HasVariables { get; private init; }

    /// <summary>
    /// Splits <paramref name="text"/>; null with <paramref name="error"/> when a <c>${</c> is not closed or names nothing.
    /// Escapes become literal parts marked as such, so a pattern can tell an escaped <c>*</c> from a wildcard.
    /// </summary>
    public static PolicyTemplate? Parse(string text, out string? error)
    {
        error = null;
        var parts = ImmutableArray.CreateBuilder<Part>();
        var literal = new StringBuilder();
        var hasVariables = false;
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, start - i);
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                error = $"'${{' at character {start + 1} is not closed by '}}'";
                return null;
            }

            var body = text.AsSpan(start + 2, end - start - 2).Trim();
            if (body is "*" or "?" or "$")
            {
                if (literal.Length > 0)
                    parts.Add(new Part(literal.ToString(), null, null));
                literal.Clear();
                parts.Add(new Part(body.ToString(), null, null) { IsEscape = true });
            }
            else
            {
                string? fallback = null;
                var comma = body.IndexOf(',');
                var key = comma < 0 ? body : body[..comma].TrimEnd();
                if (comma >= 0)
                {
                    var rest = body[(comma + 1)..].Trim();
                    if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
                    {
                        error = $"the default of '${{{body}}}' must be quoted with single quotes";
                        return null;
                    }

                    fallback = rest[1..^1].ToString();
                }

                if (key.IsEmpty || key.ContainsAny(" ${'"))
                {
                    error = $"'${{{body}}}' does not name a context key";
                    return null;
                }

                if (literal.Length > 0)
                    parts.Add(new Part(literal.ToString(), null, null));
                literal.Clear();
                parts.Add(new Part(null, key.ToString(), fallback));
                hasVariables = true;
            }

            i = end + 1;
        }

        if (literal.Length > 0 || parts.Count == 0)
            parts.Add(new Part(literal.ToString(), null, null));
        return new PolicyTemplate(parts.ToImmutable()) { HasVariables = hasVariables };
    }

    /// <summary>
    /// The text with variables replaced from <paramref name="lookup"/>; null when a variable's key has no value and no default
    /// (the value then matches nothing). <paramref name="escapeLiteral"/> turns literal text and escapes into the form the
    /// caller matches with (escaping wildcards in a pattern).
    /// </summary>
    public string? Render(Func<string, string?> lookup, Func<string, bool, string> escapeLiteral)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Key is null)
            {
                text.Append(escapeLiteral(part.Literal!, part.IsEscape));
                continue;
            }

            var value = lookup(part.Key) ?? part.Default;
            if (value is null)
                return null;
            text.Append(escapeLiteral(value, true));
        }

        return text.ToString();
    }

    private sealed record Part(string? Literal, string? Key, string? Default)
    {
        public bool IsEscape { get; init; }
    }
}
