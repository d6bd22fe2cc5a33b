namespace Rampart.Detection.Sigma.Conditions;

/// <summary>A search identifier named in the condition.</summary>
internal sealed record ConditionIdentifier(string Name, int Offset) : ConditionNode(Offset);
