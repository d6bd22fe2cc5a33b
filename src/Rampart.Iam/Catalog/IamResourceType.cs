using System.Collections.Immutable;

namespace Rampart.Iam.Catalog;

/// <summary>A resource type of a service, such as <c>s3</c>'s <c>object</c>.</summary>
/// <param name="Service">The prefix of the service that defines it (<c>s3</c>).</param>
/// <param name="Name">The resource type's name (<c>object</c>).</param>
/// <param name="ArnPatterns">
/// Its ARN patterns, at least one, with <c>${…}</c> placeholders as AWS documents them
/// (<c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>).
/// </param>
/// <param name="ConditionKeys">The condition keys AWS lists for the resource type; often empty.</param>
public sealed record IamResourceType(
    string Service,
    string Name,
    ImmutableArray<string> ArnPatterns,
    ImmutableArray<IamConditionKey> ConditionKeys)
{
    /// <inheritdoc />
    public override string ToString() => Service + ":" + Name;
}
