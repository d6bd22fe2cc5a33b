using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>Why a request was decided as it was: the layers looked at and the statements that mattered.</summary>
/// <param name="Reason">One sentence for a person.</param>
/// <param name="Layers">Each layer evaluated, in the order AWS considers them.</param>
public sealed record EvaluationTrace(string Reason, ImmutableArray<LayerTrace> Layers);

/// <summary>What one policy layer said.</summary>
/// <param name="Layer">The layer: <c>serviceControlPolicies[0]</c>, <c>resourceControlPolicies[1]</c>, <c>vpcEndpointPolicy</c>, <c>resourcePolicy</c>, <c>identityPolicies</c>, <c>permissionBoundary</c>, <c>sessionPolicy</c>.</param>
/// <param name="Result"><c>Allow</c>, <c>Deny</c> or <c>NoMatch</c>.</param>
/// <param name="Statements">The statements that applied to the request.</param>
public sealed record LayerTrace(string Layer, string Result, ImmutableArray<StatementTrace> Statements);

/// <summary>A statement that applied to the request.</summary>
/// <param name="Policy">The policy's origin.</param>
/// <param name="Statement">The statement's JSON path in its policy.</param>
/// <param name="Sid">Its Sid, if any.</param>
/// <param name="Effect">Its effect.</param>
/// <param name="Principal">For statements with a Principal, how it named the caller.</param>
public sealed record StatementTrace(string Policy, string Statement, string? Sid, PolicyEffect Effect, PrincipalMatch? Principal);

/// <summary>A decision and its trace.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Trace">Why.</param>
public sealed record EvaluationResult(Decision Decision, EvaluationTrace Trace);
