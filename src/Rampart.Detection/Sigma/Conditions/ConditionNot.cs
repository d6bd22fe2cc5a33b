namespace Rampart.Detection.Sigma.Conditions;

/// <summary><c>not a</c>.</summary>
internal sealed record ConditionNot(ConditionNode Operand, int Offset) : ConditionNode(Offset);
