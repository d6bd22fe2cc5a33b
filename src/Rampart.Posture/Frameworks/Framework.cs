using System.Collections.Immutable;

namespace Rampart.Posture.Frameworks;

/// <summary>A compliance framework as data: its controls, grouped in sections, and the checks that implement them.</summary>
/// <param name="Id">The id results use in <c>framework:control</c>, such as <c>cis-aws-3.0</c>.</param>
/// <param name="Name">The framework's name.</param>
/// <param name="Version">The version of the standard the controls follow.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="Sections">The sections, in file order.</param>
/// <param name="Controls">The controls, in file order, ids unique.</param>
public sealed record Framework(
    string Id,
    string Name,
    string Version,
    string Path,
    ImmutableArray<FrameworkSection> Sections,
    ImmutableArray<FrameworkControl> Controls)
{
    /// <summary>The control with id <paramref name="controlId"/> (compared exactly), or null.</summary>
    public FrameworkControl? FindControl(string controlId)
    {
        foreach (var control in Controls)
        {
            if (string.Equals(control.Id, controlId, StringComparison.Ordinal))
                return control;
        }

        return null;
    }

    /// <summary>The section with id <paramref name="sectionId"/>, or null.</summary>
    public FrameworkSection? FindSection(string sectionId)
    {
        foreach (var section in Sections)
        {
            if (string.Equals(section.Id, sectionId, StringComparison.Ordinal))
                return section;
        }

        return null;
    }
}
