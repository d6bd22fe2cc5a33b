using System.Collections.Immutable;

namespace Rampart.Posture.Frameworks;

/// <summary>A framework scored against a set of results.</summary>
/// <param name="Framework">The framework.</param>
/// <param name="Controls">Every control's result, in file order.</param>
/// <param name="Sections">Each declared section's score, in file order.</param>
/// <param name="Score">The framework's counts and score, over all its controls.</param>
public sealed record FrameworkScore(
    Framework Framework,
    ImmutableArray<ControlResult> Controls,
    ImmutableArray<SectionScore> Sections,
    Score Score);
