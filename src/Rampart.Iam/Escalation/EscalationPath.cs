using System.Collections.Immutable;

namespace Rampart.Iam.Escalation;

/// <summary>The shortest way one principal reaches full control of the account.</summary>
/// <param name="Principal">The user's or role's ARN.</param>
/// <param name="Hops">
/// Each method used, in order; the last reaches a principal that may do everything, or full control itself. A hop through
/// existing resources of a service is given as one hop to the role they run as.
/// </param>
public sealed record EscalationPath(string Principal, ImmutableArray<EscalationEdge> Hops);
