using Rampart.Detection.Sigma.Conditions;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The condition grammar, printed back from the tree so precedence is visible.</summary>
public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("a and b or c", "((a and b) or c)")]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not (a and b)", "(not (a and b))")]
    [InlineData("a and not b and not c", "(a and (not b) and (not c))")]
    [InlineData("1 of sel* and not all of filter_*", "((1 of sel*) and (not (all of filter_*)))")]
    [InlineData("any of them or all of them", "((1 of them) or (all of them))")]
    [InlineData("((a))", "a")]
    [InlineData("a AND b OR NOT c", "((a and b) or (not c))")]
    [InlineData("selection-1 and filter.main", "(selection-1 and filter.main)")]
    public void ConditionsParseWithNotBindingTighterThanAndAndAndTighterThanOr(string condition, string tree)
    {
        var node = ConditionParser.Parse(condition, maxDepth: 64, out var error);

        Assert.Null(error);
        Assert.Equal(tree, Print(node!));
    }

    [Theory]
    [InlineData("", 0, "expected a search identifier, 'not', '(' or '1 of'/'all of', found the end of the condition")]
    [InlineData("a b", 2, "expected 'and', 'or' or the end of the condition, found 'b'")]
    [InlineData("a)", 1, "')' closes no '('")]
    [InlineData("(a", 2, "expected ')' to close the '(' at column 1, found the end of the condition")]
    [InlineData("1 of", 4, "expected a search identifier pattern or 'them' after '1 of', found the end of the condition")]
    [InlineData("3 of x*", 0, "'3 of' is not Sigma; write '1 of', 'any of' or 'all of'")]
    [InlineData("them", 0, "'them' must follow '1' or 'all', as in '1 of selection*'")]
    [InlineData("a | count() > 5", 2, "'|' starts a v1 aggregation, which Sigma v2 no longer has")]
    public void SyntaxErrorsSayWhatWasExpectedAndWhere(string condition, int offset, string message)
    {
        var node = ConditionParser.Parse(condition, maxDepth: 64, out var error);

        Assert.Null(node);
        Assert.Equal(new ConditionError(message, offset), error);
    }

    [Fact]
    public void NestingBeyondTheLimitStopsTheParserBeforeTheStackDoes()
    {
        var condition = string.Concat(Enumerable.Repeat("not (", 100_000)) + "a" + new string(')', 100_000);

        var node = ConditionParser.Parse(condition, maxDepth: 64, out var error);

        Assert.Null(node);
        Assert.True(error!.TooDeep);
    }

    private static string Print(ConditionNode node) => node switch
    {
        ConditionIdentifier identifier => identifier.Name,
        ConditionNot not => $"(not {Print(not.Operand)})",
        ConditionAnd and => "(" + string.Join(" and ", and.Operands.Select(Print)) + ")",
        ConditionOr or => "(" + string.Join(" or ", or.Operands.Select(Print)) + ")",
        ConditionQuantifier q => $"({(q.Kind == QuantifierKind.All ? "all" : "1")} of {q.Pattern ?? "them"})",
        _ => throw new InvalidOperationException(),
    };
}
