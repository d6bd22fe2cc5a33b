using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Access;

/// <summary>What a question over an account takes besides the account's own IAM: organisation policies, a resource policy, known context.</summary>
public sealed record AccessOptions
{
    /// <summary>The account's service control policies, one list per level from the organisation root down; each level must allow.</summary>
    public ImmutableArray<ImmutableArray<PolicyDocument>> ServiceControlPolicies { get; init; } = [];

    /// <summary>The resource's resource control policies, one list per level from the root down.</summary>
    public ImmutableArray<ImmutableArray<PolicyDocument>> ResourceControlPolicies { get; init; } = [];

    /// <summary>
    /// The resource's policy (bucket policy, key policy…). When null and the request assumes one of the account's roles,
    /// that role's trust policy is used.
    /// </summary>
    public PolicyDocument? ResourcePolicy { get; init; }

    /// <summary>The account owning the resource when its ARN names none; by default the account's own.</summary>
    public string? ResourceAccount { get; init; }

    /// <summary>Context keys known for every request (case-insensitive).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Context { get; init; } =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When true, keys not in <see cref="Context"/> are absent, and conditions on them decide as AWS would decide them for
    /// a request without those keys. When false (the default), such conditions stay open and answers list them.
    /// </summary>
    public bool ClosedContext { get; init; }
}
