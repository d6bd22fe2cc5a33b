using System.Collections.Immutable;
using System.Globalization;

namespace Rampart.Iam.Policies;

/// <summary>One key of one condition operator: <c>"StringEqualsIfExists": {"aws:username": ["a", "b"]}</c>.</summary>
/// <param name="OperatorName">The operator as written, such as <c>ForAnyValue:StringLikeIfExists</c>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Set">The set qualifier.</param>
/// <param name="IfExists">Whether the condition holds when the key is absent.</param>
/// <param name="Key">The context key as written (compared case-insensitively).</param>
/// <param name="Values">The policy values, as text (booleans and numbers as written in JSON); any one may match.</param>
/// <param name="Path">The JSON path of the key in the document.</param>
public sealed record PolicyCondition(
    string OperatorName,
    ConditionOperator Operator,
    ConditionSet Set,
    bool IfExists,
    string Key,
    ImmutableArray<string> Values,
    string Path)
{
    /// <summary>Whether the values were written as a list rather than a single value.</summary>
    public bool ValueIsList { get; init; }

    /// <summary>The JSON path of one value, such as <c>$.Statement[0].Condition.StringLike['s3:prefix'][1]</c>, or <see cref="Path"/> for a single value.</summary>
    /// <param name="index">The value's index in <see cref="Values"/>.</param>
    public string ValuePath(int index) => ValueIsList ? Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : Path;

    /// <summary>Whether the operator is a negated one (<c>…Not…</c>), which holds when the key is absent.</summary>
    public bool IsNegated => Operator is ConditionOperator.StringNotEquals or ConditionOperator.StringNotEqualsIgnoreCase
        or ConditionOperator.StringNotLike or ConditionOperator.NumericNotEquals or ConditionOperator.DateNotEquals
        or ConditionOperator.NotIpAddress or ConditionOperator.ArnNotEquals or ConditionOperator.ArnNotLike;
}
