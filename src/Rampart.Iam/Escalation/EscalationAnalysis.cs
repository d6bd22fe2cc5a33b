using System.Collections.Immutable;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Escalation;

/// <summary>Everything the escalation analysis of one account found, for reports that draw it as well as list it.</summary>
/// <param name="Nodes">The account's users and roles, full control, and the existing resources of services, as the graph's nodes.</param>
/// <param name="Edges">
/// The edges the search established. Edges out of a principal are computed until its shortest path is known, so a
/// principal with a one-step path may have more edges than listed.
/// </param>
/// <param name="Paths">The shortest path of each principal that is not admin-equivalent and can reach full control, in export order.</param>
/// <param name="Findings">One finding per path, and one per principal that can switch a policy's default version.</param>
/// <param name="Notes">What the analysis could not see and assumed.</param>
public sealed record EscalationAnalysis(
    ImmutableArray<EscalationNode> Nodes,
    ImmutableArray<EscalationEdge> Edges,
    ImmutableArray<EscalationPath> Paths,
    ImmutableArray<IamFinding> Findings,
    ImmutableArray<AnalysisNote> Notes);
