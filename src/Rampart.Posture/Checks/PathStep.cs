namespace Rampart.Posture.Checks;

/// <summary>One step of a directly compiled path.</summary>
internal sealed record PathStep(PathStepKind Kind, string? Name = null, int Index = 0, PathFilter? Filter = null);
