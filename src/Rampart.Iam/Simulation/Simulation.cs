using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Simulation;

/// <summary>One request to simulate, read from the <c>rampart iam simulate</c> input, with its policies compiled.</summary>
/// <param name="Id">The caller's id for the request, echoed in the result (JSON text of any type, or null).</param>
/// <param name="Request">The request.</param>
/// <param name="Policies">The policies that bear on it.</param>
public sealed record Simulation(string? Id, AuthorizationRequest Request, PolicySet Policies);
