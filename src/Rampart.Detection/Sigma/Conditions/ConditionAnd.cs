using System.Collections.Immutable;

namespace Rampart.Detection.Sigma.Conditions;

/// <summary><c>a and b and …</c>.</summary>
internal sealed record ConditionAnd(ImmutableArray<ConditionNode> Operands, int Offset) : ConditionNode(Offset);
