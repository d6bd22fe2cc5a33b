using System.Collections.Immutable;

namespace Rampart.Iam.Catalog;

/// <summary>A resource type an action takes, with what the action's row for it says.</summary>
/// <param name="ResourceType">The resource type.</param>
/// <param name="Required">
/// Whether AWS marks the resource type as required for the action (an asterisk in the Service Authorization
/// Reference): a statement that names the action must allow a resource of this type.
/// </param>
/// <param name="ConditionKeys">The condition keys the action supports for this resource type; often empty.</param>
/// <param name="DependentActions">Actions AWS says must also be allowed for this resource type; usually empty.</param>
public sealed record IamActionResourceType(
    IamResourceType ResourceType,
    bool Required,
    ImmutableArray<IamConditionKey> ConditionKeys,
    ImmutableArray<string> DependentActions);
