using System.Collections.Immutable;

namespace Rampart.Detection.Sigma.Conditions;

/// <summary>
/// A recursive-descent parser for Sigma conditions, binding from loosest to tightest: <c>or</c>,
/// <c>and</c>, <c>not</c>, then quantifiers, identifiers and parentheses. Nesting is limited so that
/// hostile conditions cannot exhaust the stack. Parsing stops at the first error.
/// </summary>
internal sealed class ConditionParser
{
    private const string AggregationMessage = "'|' starts a v1 aggregation, which Sigma v2 no longer has";

    private readonly List<ConditionToken> _tokens;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;

    private ConditionParser(string text, int maxDepth)
    {
        _tokens = ConditionLexer.Tokenize(text);
        _maxDepth = maxDepth;
    }

    public ConditionError? Error { get; private set; }

    private ConditionToken Current => _tokens[_position];

    /// <summary>Parses <paramref name="text"/>; on failure returns null and sets <paramref name="error"/>.</summary>
    public static ConditionNode? Parse(string text, int maxDepth, out ConditionError? error)
    {
        var parser = new ConditionParser(text, maxDepth);
        var node = parser.ParseOr();
        if (node is not null && parser.Current.Kind != ConditionTokenKind.End)
        {
            node = null;
            parser.Error = parser.Current.Kind switch
            {
                ConditionTokenKind.CloseParenthesis => new ConditionError("')' closes no '('", parser.Current.Offset),
                ConditionTokenKind.Pipe => new ConditionError(AggregationMessage, parser.Current.Offset),
                _ => new ConditionError($"expected 'and', 'or' or the end of the condition, found {parser.Current.Describe()}", parser.Current.Offset),
            };
        }

        error = parser.Error;
        return node;
    }

    private ConditionNode? ParseOr()
    {
        var first = ParseAnd();
        if (first is null || Current.Kind != ConditionTokenKind.Or)
            return first;
        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        operands.Add(first);
        while (Current.Kind == ConditionTokenKind.Or)
        {
            _position++;
            var next = ParseAnd();
            if (next is null)
                return null;
            operands.Add(next);
        }

        return new ConditionOr(operands.ToImmutable(), first.Offset);
    }

    private ConditionNode? ParseAnd()
    {
        var first = ParseNot();
        if (first is null || Current.Kind != ConditionTokenKind.And)
            return first;
        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        operands.Add(first);
        while (Current.Kind == ConditionTokenKind.And)
        {
            _position++;
            var next = ParseNot();
            if (next is null)
                return null;
            operands.Add(next);
        }

        return new ConditionAnd(operands.ToImmutable(), first.Offset);
    }

    private ConditionNode? ParseNot()
    {
        if (Current.Kind != ConditionTokenKind.Not)
            return ParsePrimary();
        var offset = Current.Offset;
        if (!Enter(offset))
            return null;
        _position++;
        var operand = ParseNot();
        _depth--;
        return operand is null ? null : new ConditionNot(operand, offset);
    }

    private ConditionNode? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ConditionTokenKind.OpenParenthesis:
                if (!Enter(token.Offset))
                    return null;
                _position++;
                var inner = ParseOr();
                _depth--;
                if (inner is null)
                    return null;
                if (Current.Kind != ConditionTokenKind.CloseParenthesis)
                    return Fail($"expected ')' to close the '(' at column {token.Offset + 1}, found {Current.Describe()}", Current.Offset);
                _position++;
                return inner;
            case ConditionTokenKind.Word when _tokens[_position + 1].IsWord("of"):
                return ParseQuantifier(token);
            case ConditionTokenKind.Word when token.IsWord("of") || token.IsWord("them"):
                return Fail($"'{token.Text}' must follow '1' or 'all', as in '1 of selection*'", token.Offset);
            case ConditionTokenKind.Word:
                _position++;
                return new ConditionIdentifier(token.Text, token.Offset);
            case ConditionTokenKind.Pipe:
                return Fail(AggregationMessage, token.Offset);
            default:
                return Fail($"expected a search identifier, 'not', '(' or '1 of'/'all of', found {token.Describe()}", token.Offset);
        }
    }

    private ConditionNode? ParseQuantifier(ConditionToken count)
    {
        QuantifierKind kind;
        if (count.IsWord("all"))
            kind = QuantifierKind.All;
        else if (count.IsWord("any") || count.Text == "1")
            kind = QuantifierKind.Any;
        else
            return Fail($"'{count.Text} of' is not Sigma; write '1 of', 'any of' or 'all of'", count.Offset);

        _position += 2;
        var target = Current;
        if (target.Kind != ConditionTokenKind.Word || target.IsWord("of"))
            return Fail($"expected a search identifier pattern or 'them' after '{count.Text} of', found {target.Describe()}", target.Offset);
        _position++;
        return new ConditionQuantifier(kind, target.IsWord("them") ? null : target.Text, count.Offset, target.Offset);
    }

    private bool Enter(int offset)
    {
        if (++_depth <= _maxDepth)
            return true;
        Error = new ConditionError(string.Empty, offset, TooDeep: true);
        return false;
    }

    private ConditionNode? Fail(string message, int offset)
    {
        Error ??= new ConditionError(message, offset);
        return null;
    }
}
