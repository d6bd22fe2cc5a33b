using System.Collections.Immutable;

namespace Rampart.Posture.Frameworks;

/// <summary>A section's controls and their score.</summary>
/// <param name="Section">The section.</param>
/// <param name="Controls">Its controls' results, in file order.</param>
/// <param name="Score">Their counts and score.</param>
public sealed record SectionScore(FrameworkSection Section, ImmutableArray<ControlResult> Controls, Score Score);
