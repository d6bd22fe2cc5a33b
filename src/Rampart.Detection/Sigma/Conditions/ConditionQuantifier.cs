namespace Rampart.Detection.Sigma.Conditions;

/// <summary>
/// <c>1 of pattern</c>, <c>all of pattern</c>, <c>1 of them</c>, <c>all of them</c>. A null
/// <see cref="Pattern"/> means <c>them</c>: every identifier not starting with <c>_</c>.
/// </summary>
internal sealed record ConditionQuantifier(QuantifierKind Kind, string? Pattern, int Offset, int PatternOffset) : ConditionNode(Offset);
