using System.Collections.Immutable;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Every identity policy document that applies to one user or role, from
/// <see cref="AccountAuthorizationDetails.EffectivePolicies(IamUser)"/> or
/// <see cref="AccountAuthorizationDetails.EffectivePolicies(IamRole)"/>.
/// </summary>
/// <param name="PrincipalArn">The user or role ARN.</param>
/// <param name="Identity">
/// The identity policies, in this order: the principal's inline policies, its attached managed policies, then for each
/// group in the user's order that group's inline and attached managed policies. A managed policy attached both directly and
/// through a group appears once for each way.
/// </param>
/// <param name="PermissionsBoundary">The permissions boundary's document, or null when none is set or its policy is missing.</param>
/// <param name="MissingPolicyArns">Managed policies attached or set as boundary that the export does not hold, so left out; distinct, in order of appearance.</param>
/// <param name="UnknownGroups">Groups the user is in that the export does not hold, so left out.</param>
public sealed record PrincipalPolicies(
    string PrincipalArn,
    ImmutableArray<AppliedPolicy> Identity,
    AppliedPolicy? PermissionsBoundary,
    ImmutableArray<string> MissingPolicyArns,
    ImmutableArray<string> UnknownGroups)
{
    /// <summary>Whether every policy and group the principal names was found, so that the set is the whole truth.</summary>
    public bool IsComplete => MissingPolicyArns.IsEmpty && UnknownGroups.IsEmpty;
}
