namespace Rampart.Iam.Accounts;

/// <summary>A policy embedded in one user, group or role (<c>UserPolicyList</c>, <c>GroupPolicyList</c>, <c>RolePolicyList</c>).</summary>
/// <param name="Name">The policy name, unique within its principal.</param>
/// <param name="Document">The policy document.</param>
public sealed record InlinePolicy(string Name, PolicyText Document);
