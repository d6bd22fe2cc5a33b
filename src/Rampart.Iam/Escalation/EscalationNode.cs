namespace Rampart.Iam.Escalation;

/// <summary>A node of the escalation graph.</summary>
/// <param name="Id">The user's or role's ARN; <c>full-control</c>; or <c>existing:</c> and the method id for existing resources of a service.</param>
/// <param name="Name">A name for a person: the user or role name, <c>full control of the account</c>, <c>existing Lambda functions</c>.</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="IsAdminEquivalent">
/// For users and roles: whether it may already do everything (the evaluator allows it an action no policy names, on
/// <c>*</c>, and IAM's policy-writing actions on any role and user), so that no path is reported for it.
/// </param>
public sealed record EscalationNode(string Id, string Name, EscalationNodeKind Kind, bool IsAdminEquivalent);
