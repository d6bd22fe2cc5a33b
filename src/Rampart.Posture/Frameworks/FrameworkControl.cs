using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Frameworks;

/// <summary>One control of a framework, and the Rampart checks that implement it.</summary>
/// <param name="Id">The control's id exactly as the standard numbers it (<c>1.8</c>, <c>EC2.13</c>, <c>SEC03-BP02</c>).</param>
/// <param name="Section">The id of the <see cref="FrameworkSection"/> it belongs to.</param>
/// <param name="Title">A short title in our words.</param>
/// <param name="Severity">The severity the standard gives it, or null when the standard gives none.</param>
/// <param name="Automated">Whether it can be assessed from configuration.</param>
/// <param name="Reason">For a control that is not automated, one line saying why; otherwise null.</param>
/// <param name="Checks">The ids of the checks that implement it; empty until checks exist.</param>
/// <param name="Location">Where the control starts in its file.</param>
public sealed record FrameworkControl(
    string Id,
    string Section,
    string Title,
    Severity? Severity,
    bool Automated,
    string? Reason,
    ImmutableArray<string> Checks,
    SourceLocation Location);
