using System.Globalization;

namespace Rampart.Iam.Accounts;

/// <summary>One policy document that applies to a user or role, and how it comes to apply.</summary>
/// <param name="Attachment">Inline or managed, directly or through a group, or the permissions boundary.</param>
/// <param name="PolicyName">The policy name.</param>
/// <param name="PolicyArn">The managed policy ARN; null for inline policies.</param>
/// <param name="GroupName">The group through which it applies; null unless <paramref name="Attachment"/> is a group kind.</param>
/// <param name="Document">The document, whose <see cref="PolicyText.Origin"/> says where in the export it is.</param>
public sealed record AppliedPolicy(PolicyAttachment Attachment, string PolicyName, string? PolicyArn, string? GroupName, PolicyText Document)
{
    /// <summary>Describes it for a person, such as <c>managed policy arn:aws:iam::aws:policy/ReadOnlyAccess through group Auditors</c>.</summary>
    public override string ToString() => Attachment switch
    {
        PolicyAttachment.Inline => string.Create(CultureInfo.InvariantCulture, $"inline policy {PolicyName}"),
        PolicyAttachment.Managed => string.Create(CultureInfo.InvariantCulture, $"managed policy {PolicyArn}"),
        PolicyAttachment.GroupInline => string.Create(CultureInfo.InvariantCulture, $"inline policy {PolicyName} of group {GroupName}"),
        PolicyAttachment.GroupManaged => string.Create(CultureInfo.InvariantCulture, $"managed policy {PolicyArn} through group {GroupName}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"permissions boundary {PolicyArn}"),
    };
}
