namespace Rampart.Posture.Frameworks;

/// <summary>A group of controls that a framework scores together, such as CIS section <c>1</c>.</summary>
/// <param name="Id">The section's id as the framework numbers it; unique within the framework.</param>
/// <param name="Title">A short title in our words.</param>
public sealed record FrameworkSection(string Id, string Title);
