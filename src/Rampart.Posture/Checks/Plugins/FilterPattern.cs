using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// A CloudWatch Logs filter pattern, as metric filters hold it, that can be run against a log event: JSON patterns
/// (<c>{ ($.eventName = ConsoleLogin) &amp;&amp; ($.additionalEventData.MFAUsed != "Yes") }</c>, with <c>=</c>, <c>!=</c>,
/// numeric comparisons, <c>*</c> wildcards, <c>%regex%</c>, <c>IS TRUE|FALSE|NULL</c>, <c>EXISTS</c>, <c>NOT EXISTS</c>,
/// <c>&amp;&amp;</c>, <c>||</c> and parentheses), term patterns (<c>ERROR ?WARN -DEBUG "two words"</c>, case-sensitive
/// over the event's text), and the empty pattern that matches every event. Space-delimited patterns (<c>[ip, user, …]</c>)
/// are not understood: <see cref="TryParse"/> says so. Immutable and thread-safe.
/// </summary>
public sealed class FilterPattern
{
    private readonly Node _root;

    private FilterPattern(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Reads a pattern; null with <paramref name="error"/> when it is not one this reader understands.</summary>
    public static FilterPattern? TryParse(string text, out string? error)
    {
        Core.Guard.NotNull(text);
        var trimmed = text.Trim();
        error = null;
        try
        {
            Node root;
            if (trimmed.Length == 0)
                root = new Everything();
            else if (trimmed[0] == '{')
                root = new JsonParser(trimmed).Parse();
            else if (trimmed[0] == '[')
                throw new FormatException("space-delimited patterns ([field, …]) are not understood");
            else
                root = ParseTerms(trimmed);
            return new FilterPattern(text, root);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Whether the pattern matches <paramref name="logEvent"/>, a JSON log event such as a CloudTrail record.</summary>
    public bool Matches(JsonElement logEvent) => _root.Matches(logEvent, new Lazy<string>(logEvent.GetRawText));

    /// <inheritdoc />
    public override string ToString() => Text;

    private static Terms ParseTerms(string text)
    {
        var all = new List<string>();
        var any = new List<string>();
        var none = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var list = text[i] switch { '?' => any, '-' => none, _ => all };
            if (text[i] is '?' or '-')
                i++;
            string term;
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                    throw new FormatException($"unterminated quoted term at character {i + 1}");
                term = text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    i++;
                term = text[start..i];
            }

            if (term.Length > 0)
                list.Add(term);
        }

        return new Terms([.. all], [.. any], [.. none]);
    }

    private abstract class Node
    {
        public abstract bool Matches(JsonElement logEvent, Lazy<string> raw);
    }

    private sealed class Everything : Node
    {
        public override bool Matches(JsonElement logEvent, Lazy<string> raw) => true;
    }

    // Terms match the event's text, case-sensitively: every plain term, at least one `?` term when there are any, no `-` term.
    private sealed class Terms(string[] all, string[] any, string[] none) : Node
    {
        public override bool Matches(JsonElement logEvent, Lazy<string> raw)
        {
            var text = logEvent.ValueKind == JsonValueKind.String ? logEvent.GetString()! : raw.Value;
            return all.All(term => text.Contains(term, StringComparison.Ordinal))
                && (any.Length == 0 || any.Any(term => text.Contains(term, StringComparison.Ordinal)))
                && !none.Any(term => text.Contains(term, StringComparison.Ordinal));
        }
    }

    private sealed class And(Node left, Node right) : Node
    {
        public override bool Matches(JsonElement logEvent, Lazy<string> raw) => left.Matches(logEvent, raw) && right.Matches(logEvent, raw);
    }

    private sealed class Or(Node left, Node right) : Node
    {
        public override bool Matches(JsonElement logEvent, Lazy<string> raw) => left.Matches(logEvent, raw) || right.Matches(logEvent, raw);
    }

    private enum Test
    {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        IsTrue,
        IsFalse,
        IsNull,
        Exists,
        NotExists,
    }

    // A selector (`$.a.b[0].c`) and what is asked of the value it selects. A selector that selects nothing matches only
    // `NOT EXISTS`; the comparisons need a value to compare.
    private sealed class Comparison(string[] steps, Test test, string? text, double? number, Regex? regex) : Node
    {
        public override bool Matches(JsonElement logEvent, Lazy<string> raw)
        {
            var found = Select(logEvent, out var value);
            if (test == Test.NotExists)
                return !found;
            if (!found)
                return false;
            switch (test)
            {
                case Test.Exists:
                    return true;
                case Test.IsNull:
                    return value.ValueKind == JsonValueKind.Null;
                case Test.IsTrue:
                    return value.ValueKind == JsonValueKind.True;
                case Test.IsFalse:
                    return value.ValueKind == JsonValueKind.False;
                case Test.Equal or Test.NotEqual:
                    if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                        return false;
                    return Equal(value) == (test == Test.Equal);
                default:
                    if (number is not { } limit || value.ValueKind != JsonValueKind.Number)
                        return false;
                    var actual = value.GetDouble();
                    return test switch
                    {
                        Test.Less => actual < limit,
                        Test.LessOrEqual => actual <= limit,
                        Test.Greater => actual > limit,
                        _ => actual >= limit,
                    };
            }
        }

        private bool Equal(JsonElement value)
        {
            if (number is { } expected && value.ValueKind == JsonValueKind.Number)
                return value.GetDouble() == expected;
            var actual = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => value.GetRawText(),
            };
            if (regex is not null)
                return regex.IsMatch(actual);
            return text!.Contains('*', StringComparison.Ordinal) ? Wildcard(text, actual) : string.Equals(text, actual, StringComparison.Ordinal);
        }

        private bool Select(JsonElement root, out JsonElement value)
        {
            value = root;
            foreach (var step in steps)
            {
                if (step[0] == '[')
                {
                    var index = int.Parse(step.AsSpan(1, step.Length - 2), CultureInfo.InvariantCulture);
                    if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                        return false;
                    value = value[index];
                }
                else if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
                {
                    return false;
                }
            }

            return true;
        }

        // `*` stands for any run of characters, anywhere in the value.
        private static bool Wildcard(string pattern, string value)
        {
            var parts = pattern.Split('*');
            if (!value.StartsWith(parts[0], StringComparison.Ordinal))
                return false;
            var at = parts[0].Length;
            for (var i = 1; i < parts.Length - 1; i++)
            {
                var found = value.IndexOf(parts[i], at, StringComparison.Ordinal);
                if (found < 0)
                    return false;
                at = found + parts[i].Length;
            }

            return value.Length - at >= parts[^1].Length && value.EndsWith(parts[^1], StringComparison.Ordinal);
        }
    }

    // expression := conjunction ('||' conjunction)* ; conjunction := primary ('&&' primary)* ;
    // primary := '(' expression ')' | selector test.
    private sealed class JsonParser(string text)
    {
        private int _at;

        public Node Parse()
        {
            Expect("{");
            var node = Expression();
            Expect("}");
            Space();
            if (_at < text.Length)
                throw Error("unexpected text after the closing `}`");
            return node;
        }

        private Node Expression()
        {
            var node = Conjunction();
            while (Accept("||"))
                node = new Or(node, Conjunction());
            return node;
        }

        private Node Conjunction()
        {
            var node = Primary();
            while (Accept("&&"))
                node = new And(node, Primary());
            return node;
        }

        private Node Primary()
        {
            if (Accept("("))
            {
                var inner = Expression();
                Expect(")");
                return inner;
            }

            var steps = Selector();
            if (AcceptWord("IS"))
            {
                if (AcceptWord("TRUE"))
                    return new Comparison(steps, Test.IsTrue, null, null, null);
                if (AcceptWord("FALSE"))
                    return new Comparison(steps, Test.IsFalse, null, null, null);
                if (AcceptWord("NULL"))
                    return new Comparison(steps, Test.IsNull, null, null, null);
                throw Error("expected TRUE, FALSE or NULL after IS");
            }

            if (AcceptWord("NOT"))
            {
                if (!AcceptWord("EXISTS"))
                    throw Error("expected EXISTS after NOT");
                return new Comparison(steps, Test.NotExists, null, null, null);
            }

            if (AcceptWord("EXISTS"))
                return new Comparison(steps, Test.Exists, null, null, null);

            var test = Accept("!=") ? Test.NotEqual
                : Accept("<=") ? Test.LessOrEqual
                : Accept(">=") ? Test.GreaterOrEqual
                : Accept("<") ? Test.Less
                : Accept(">") ? Test.Greater
                : Accept("=") ? Test.Equal
                : throw Error("expected a comparison (=, !=, <, <=, >, >=, IS, EXISTS or NOT EXISTS)");
            var (value, quoted, regex) = Value();
            double? number = !quoted && regex is null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (test is not (Test.Equal or Test.NotEqual) && number is null)
                throw Error($"`{value}` is not a number, which {Symbol(test)} needs");
            return new Comparison(steps, test, value, number, regex);
        }

        private string[] Selector()
        {
            Space();
            if (_at >= text.Length || text[_at] != '$')
                throw Error("expected a selector starting with `$`");
            _at++;
            var steps = new List<string>();
            while (_at < text.Length)
            {
                if (text[_at] == '.')
                {
                    var start = ++_at;
                    while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '-' or '@' or ':'))
                        _at++;
                    if (_at == start)
                        throw Error("expected a field name after `.`");
                    steps.Add(text[start.._at]);
                }
                else if (text[_at] == '[')
                {
                    var end = text.IndexOf(']', _at);
                    if (end < 0 || !int.TryParse(text.AsSpan(_at + 1, end - _at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                        throw Error("expected an array index such as `[0]`");
                    steps.Add(text[_at..(end + 1)]);
                    _at = end + 1;
                }
                else
                {
                    break;
                }
            }

            if (steps.Count == 0)
                throw Error("a selector names at least one field (`$.eventName`)");
            return [.. steps];
        }

        private (string Value, bool Quoted, Regex? Regex) Value()
        {
            Space();
            if (_at >= text.Length)
                throw Error("expected a value");
            if (text[_at] == '"')
            {
                var value = new StringBuilder();
                _at++;
                while (_at < text.Length && text[_at] != '"')
                {
                    if (text[_at] == '\\' && _at + 1 < text.Length)
                        _at++;
                    value.Append(text[_at++]);
                }

                if (_at >= text.Length)
                    throw Error("unterminated quoted value");
                _at++;
                return (value.ToString(), true, null);
            }

            if (text[_at] == '%')
            {
                var end = text.IndexOf('%', _at + 1);
                if (end < 0)
                    throw Error("unterminated regular expression (`%…%`)");
                var pattern = text[(_at + 1)..end];
                _at = end + 1;
                try
                {
                    return (pattern, false, new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
                }
                catch (ArgumentException e)
                {
                    throw Error($"`{pattern}` is not a regular expression: {e.Message}");
                }
                catch (NotSupportedException e)
                {
                    // Lookarounds, backreferences, atomic groups: not in the linear-time engine (nor in CloudWatch Logs).
                    throw Error($"`{pattern}` uses a construct that is not supported: {e.Message}");
                }
            }

            var begin = _at;
            while (_at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not (')' or '}') && !At("&&") && !At("||"))
                _at++;
            if (_at == begin)
                throw Error("expected a value");
            return (text[begin.._at], false, null);
        }

        private static string Symbol(Test test) => test switch
        {
            Test.Less => "<",
            Test.LessOrEqual => "<=",
            Test.Greater => ">",
            _ => ">=",
        };

        private bool At(string token) => string.CompareOrdinal(text, _at, token, 0, token.Length) == 0;

        private bool Accept(string token)
        {
            Space();
            if (!At(token))
                return false;
            _at += token.Length;
            return true;
        }

        private bool AcceptWord(string word)
        {
            Space();
            if (!At(word) || (_at + word.Length < text.Length && char.IsLetterOrDigit(text[_at + word.Length])))
                return false;
            _at += word.Length;
            return true;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
                throw Error($"expected `{token}`");
        }

        private void Space()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
                _at++;
        }

        private FormatException Error(string message) => new($"{message} at character {Math.Min(_at, text.Length) + 1}");
    }
}
