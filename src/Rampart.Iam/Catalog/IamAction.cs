using System.Collections.Immutable;

namespace Rampart.Iam.Catalog;

/// <summary>An IAM action, such as <c>s3:GetObject</c>.</summary>
/// <param name="Service">The service prefix (<c>s3</c>).</param>
/// <param name="Name">The action's name within the service (<c>GetObject</c>), in AWS's spelling.</param>
/// <param name="AccessLevel">The action's access level.</param>
/// <param name="ResourceTypes">
/// The resource types the action takes. Empty for actions that only accept <c>"Resource": "*"</c>
/// (see <see cref="IsWildcardOnly"/>).
/// </param>
/// <param name="ConditionKeys">
/// The condition keys the action supports whatever the resource. Keys that apply to one resource type are in
/// <see cref="IamActionResourceType.ConditionKeys"/>; global keys are not listed (see
/// <see cref="IamCatalog.GlobalConditionKeys"/>).
/// </param>
/// <param name="DependentActions">
/// Actions AWS says must also be allowed, from the action and all its resource rows; usually empty.
/// </param>
public sealed record IamAction(
    string Service,
    string Name,
    IamAccessLevel AccessLevel,
    ImmutableArray<IamActionResourceType> ResourceTypes,
    ImmutableArray<IamConditionKey> ConditionKeys,
    ImmutableArray<string> DependentActions)
{
    /// <summary>The action as a policy names it, <c>service:Name</c> (<c>s3:GetObject</c>). Allocates on each call.</summary>
    public string FullName => Service + ":" + Name;

    /// <summary>
    /// Whether the action takes no resource type, so a statement can only grant it with <c>"Resource": "*"</c>
    /// (<c>iam:ListUsers</c>, <c>s3:ListAllMyBuckets</c>).
    /// </summary>
    public bool IsWildcardOnly => ResourceTypes.IsEmpty;

    /// <inheritdoc />
    public override string ToString() => FullName;
}
