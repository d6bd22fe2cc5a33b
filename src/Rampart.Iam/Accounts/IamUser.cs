using System.Collections.Immutable;

namespace Rampart.Iam.Accounts;

/// <summary>An IAM user, from an entry of <c>UserDetailList</c>.</summary>
/// <param name="Name">The user name, unique in the account.</param>
/// <param name="Id">The unique id (<c>AIDA…</c>); empty when the export gives none.</param>
/// <param name="Arn">The user ARN.</param>
/// <param name="Path">The IAM path; <c>/</c> when the export gives none.</param>
/// <param name="CreateDate">When the user was created, if known.</param>
/// <param name="Groups">The names of the groups the user is in, in export order.</param>
/// <param name="InlinePolicies">The user's inline policies.</param>
/// <param name="AttachedPolicies">The managed policies attached to the user directly (not through groups).</param>
/// <param name="PermissionsBoundaryArn">The ARN of the managed policy set as the user's permissions boundary, or null.</param>
/// <param name="Tags">The user's tags.</param>
public sealed record IamUser(
    string Name,
    string Id,
    string Arn,
    string Path,
    DateTimeOffset? CreateDate,
    ImmutableArray<string> Groups,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<AttachedPolicy> AttachedPolicies,
    string? PermissionsBoundaryArn,
    ImmutableArray<IamTag> Tags);
