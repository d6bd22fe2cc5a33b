using System.Collections.Immutable;

namespace Rampart.Iam.Accounts;

/// <summary>An IAM role, from an entry of <c>RoleDetailList</c>.</summary>
/// <param name="Name">The role name, unique in the account.</param>
/// <param name="Id">The unique id (<c>AROA…</c>); empty when the export gives none.</param>
/// <param name="Arn">The role ARN.</param>
/// <param name="Path">The IAM path (<c>/aws-service-role/…</c> for service-linked roles); <c>/</c> when the export gives none.</param>
/// <param name="CreateDate">When the role was created, if known.</param>
/// <param name="AssumeRolePolicy">The trust policy saying who may assume the role; null when the export lacks it or it could not be read (a diagnostic says which).</param>
/// <param name="InlinePolicies">The role's inline policies.</param>
/// <param name="AttachedPolicies">The managed policies attached to the role.</param>
/// <param name="PermissionsBoundaryArn">The ARN of the managed policy set as the role's permissions boundary, or null.</param>
/// <param name="InstanceProfiles">The instance profiles holding the role.</param>
/// <param name="LastUsed">When the role was last used (<c>RoleLastUsed.LastUsedDate</c>), if known; IAM tracks about the last 400 days.</param>
/// <param name="LastUsedRegion">The region of that last use, or null.</param>
/// <param name="Tags">The role's tags.</param>
public sealed record IamRole(
    string Name,
    string Id,
    string Arn,
    string Path,
    DateTimeOffset? CreateDate,
    PolicyText? AssumeRolePolicy,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<AttachedPolicy> AttachedPolicies,
    string? PermissionsBoundaryArn,
    ImmutableArray<InstanceProfile> InstanceProfiles,
    DateTimeOffset? LastUsed,
    string? LastUsedRegion,
    ImmutableArray<IamTag> Tags)
{
    /// <summary>Whether it is a service-linked role (path <c>/aws-service-role/…</c>): AWS manages it, and SCPs do not limit it.</summary>
    public bool IsServiceLinked => Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);
}
