namespace Rampart.Iam.Accounts;

/// <summary>A managed policy attached to a user, group or role (an entry of <c>AttachedManagedPolicies</c>).</summary>
/// <param name="Arn">The policy ARN; <see cref="AccountAuthorizationDetails.FindPolicy"/> finds its document.</param>
/// <param name="Name">The policy name as the attachment gives it (the last segment of the ARN when absent).</param>
public readonly record struct AttachedPolicy(string Arn, string Name);
