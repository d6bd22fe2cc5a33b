namespace Rampart.Detection.Sigma.Matching;

/// <summary>The numeric comparisons of the <c>lt</c>, <c>lte</c>, <c>gt</c> and <c>gte</c> modifiers.</summary>
internal enum CompareOperator
{
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
}
