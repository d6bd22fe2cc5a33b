using System.Collections.Immutable;

namespace Rampart.Detection.Sigma.Conditions;

/// <summary><c>a or b or …</c>.</summary>
internal sealed record ConditionOr(ImmutableArray<ConditionNode> Operands, int Offset) : ConditionNode(Offset);
