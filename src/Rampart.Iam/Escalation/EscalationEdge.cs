using System.Collections.Immutable;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Escalation;

/// <summary>One step of escalation: with one method, <see cref="From"/> becomes, acts as, or gains the power of <see cref="To"/>.</summary>
/// <param name="From">The id of the node that acts (see <see cref="EscalationNode.Id"/>).</param>
/// <param name="To">The id of the node it reaches.</param>
/// <param name="MethodId">The method, from <see cref="EscalationMethods"/>.</param>
/// <param name="Summary">What is done, for a person: <c>pass role deploy to a new Lambda function and invoke it</c>.</param>
/// <param name="Steps">Each request the method makes, in order, with the evaluator's answer allowing it.</param>
/// <param name="Facts">What the edge assumes or relies on beyond the evaluations, for a person.</param>
public sealed record EscalationEdge(string From, string To, string MethodId, string Summary, ImmutableArray<PathStep> Steps, ImmutableArray<string> Facts)
{
    /// <summary>Whether some step is allowed only under conditions the export cannot decide.</summary>
    public bool IsConditional => Steps.Any(static step => step.Evaluation is { IsConditional: true });
}
