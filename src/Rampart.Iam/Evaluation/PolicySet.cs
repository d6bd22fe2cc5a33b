using System.Collections.Immutable;

namespace Rampart.Iam.Evaluation;

/// <summary>Every policy that bears on one request, compiled. Levels of SCPs and RCPs run from the organisation root down to the account.</summary>
public sealed record PolicySet
{
    /// <summary>The caller's identity policies: inline, attached, and those of its groups.</summary>
    public ImmutableArray<CompiledPolicy> Identity { get; init; } = [];

    /// <summary>The resource's policy (bucket policy, key policy, role trust policy…), if any.</summary>
    public CompiledPolicy? Resource { get; init; }

    /// <summary>The caller's permissions boundary, if any.</summary>
    public CompiledPolicy? PermissionBoundary { get; init; }

    /// <summary>The session policy of the caller's session, if any.</summary>
    public CompiledPolicy? Session { get; init; }

    /// <summary>Service control policies of the caller's account, one list per level from the root; each level must allow.</summary>
    public ImmutableArray<ImmutableArray<CompiledPolicy>> ServiceControl { get; init; } = [];

    /// <summary>Resource control policies of the resource's account, one list per level from the root; each level must allow.</summary>
    public ImmutableArray<ImmutableArray<CompiledPolicy>> ResourceControl { get; init; } = [];

    /// <summary>The policy of the VPC endpoint the request came through, if any.</summary>
    public CompiledPolicy? VpcEndpoint { get; init; }
}
