namespace Rampart.Detection.Sigma.Conditions;

/// <summary>A node of a parsed condition; <see cref="Offset"/> is where it starts in the condition text (0-based).</summary>
internal abstract record ConditionNode(int Offset);
