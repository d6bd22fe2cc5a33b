using System.Collections.Immutable;

namespace Rampart.Iam.Accounts;

/// <summary>An IAM group, from an entry of <c>GroupDetailList</c>.</summary>
/// <param name="Name">The group name, unique in the account.</param>
/// <param name="Id">The unique id (<c>AGPA…</c>); empty when the export gives none.</param>
/// <param name="Arn">The group ARN.</param>
/// <param name="Path">The IAM path; <c>/</c> when the export gives none.</param>
/// <param name="CreateDate">When the group was created, if known.</param>
/// <param name="InlinePolicies">The group's inline policies, which apply to every member.</param>
/// <param name="AttachedPolicies">The managed policies attached to the group, which apply to every member.</param>
public sealed record IamGroup(
    string Name,
    string Id,
    string Arn,
    string Path,
    DateTimeOffset? CreateDate,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<AttachedPolicy> AttachedPolicies);
