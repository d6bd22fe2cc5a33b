namespace Rampart.Detection.Sigma.Conditions;

/// <summary>Why a condition does not parse, and where (0-based offset in the condition).</summary>
internal sealed record ConditionError(string Message, int Offset, bool TooDeep = false);
