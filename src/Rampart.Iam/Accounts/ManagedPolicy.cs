namespace Rampart.Iam.Accounts;

/// <summary>
/// A managed policy, customer or AWS managed, from an entry of <c>Policies</c>, with the document of its default version
/// (the other versions are not kept: only the default one is in force).
/// </summary>
/// <param name="Arn">The policy ARN, unique in the export.</param>
/// <param name="Name">The policy name.</param>
/// <param name="Id">The unique id (<c>ANPA…</c>); empty when the export gives none.</param>
/// <param name="Path">The IAM path; <c>/</c> when the export gives none.</param>
/// <param name="DefaultVersionId">The id of the default version, such as <c>v3</c>; empty when the export names none and its only version was taken.</param>
/// <param name="DefaultDocument">The document of the default version.</param>
/// <param name="AttachmentCount">How many users, groups and roles the policy is attached to (0 when the export gives no count).</param>
/// <param name="PermissionsBoundaryUsageCount">How many users and roles use it as a permissions boundary (0 when the export gives no count).</param>
/// <param name="IsAttachable">Whether it can be attached (true unless the export says otherwise).</param>
/// <param name="CreateDate">When the policy was created, if known.</param>
/// <param name="UpdateDate">When the policy was last updated, if known.</param>
public sealed record ManagedPolicy(
    string Arn,
    string Name,
    string Id,
    string Path,
    string DefaultVersionId,
    PolicyText DefaultDocument,
    int AttachmentCount,
    int PermissionsBoundaryUsageCount,
    bool IsAttachable,
    DateTimeOffset? CreateDate,
    DateTimeOffset? UpdateDate)
{
    /// <summary>
    /// Whether AWS owns the policy: its ARN names the account <c>aws</c>, as in
    /// <c>arn:aws:iam::aws:policy/ReadOnlyAccess</c> (in every partition).
    /// </summary>
    public bool IsAwsManaged => IamArn.IsAwsManagedPolicy(Arn);
}
