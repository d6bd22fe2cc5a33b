namespace Rampart.Detection.Sigma.Conditions;

/// <summary>The tokens of a condition.</summary>
internal enum ConditionTokenKind
{
    /// <summary>A word: a search identifier, a pattern, or a contextual keyword (<c>1</c>, <c>all</c>, <c>any</c>, <c>of</c>, <c>them</c>).</summary>
    Word,
    And,
    Or,
    Not,
    OpenParenthesis,
    CloseParenthesis,

    /// <summary><c>|</c>, which only v1 aggregations use.</summary>
    Pipe,
    End,
}
