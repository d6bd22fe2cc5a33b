using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Rampart.Core;

namespace Rampart.Iam.Catalog;

/// <summary>An AWS service as IAM knows it.</summary>
/// <param name="Prefix">The service prefix used in actions and ARNs (<c>s3</c>), lower case.</param>
/// <param name="Name">The service's name (<c>Amazon S3</c>).</param>
/// <param name="Actions">The service's actions, ordered by name ignoring case.</param>
/// <param name="ResourceTypes">The service's resource types, ordered by name ignoring case.</param>
/// <param name="ConditionKeys">
/// Every condition key the service's actions and resource types use, ordered by name ignoring case. This
/// includes the <c>aws:</c> tag keys the service supports and, for a few services, keys of another prefix.
/// </param>
public sealed record IamService(
    string Prefix,
    string Name,
    ImmutableArray<IamAction> Actions,
    ImmutableArray<IamResourceType> ResourceTypes,
    ImmutableArray<IamConditionKey> ConditionKeys)
{
    /// <summary>Finds a resource type by name, ignoring case.</summary>
    /// <param name="name">The resource type's name (<c>object</c>).</param>
    /// <param name="resourceType">The resource type, when found.</param>
    /// <returns>Whether the service defines the resource type.</returns>
    public bool TryGetResourceType(string name, [NotNullWhen(true)] out IamResourceType? resourceType)
    {
        Guard.NotNull(name);
        foreach (var candidate in ResourceTypes)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                resourceType = candidate;
                return true;
            }
        }

        resourceType = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Prefix;
}
