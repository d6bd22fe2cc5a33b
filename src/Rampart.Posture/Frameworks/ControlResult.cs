using System.Collections.Immutable;

namespace Rampart.Posture.Frameworks;

/// <summary>One control's status and the resources behind it.</summary>
/// <param name="Control">The control.</param>
/// <param name="Status">Its status.</param>
/// <param name="FailedResources">The keys of resources on which a mapped check failed, sorted and distinct.</param>
/// <param name="ErrorResources">The keys of resources on which a mapped check could not be evaluated, sorted and distinct.</param>
public sealed record ControlResult(
    FrameworkControl Control,
    ControlStatus Status,
    ImmutableArray<string> FailedResources,
    ImmutableArray<string> ErrorResources);
