namespace Rampart.Iam.Policies;

/// <summary>Where a policy is attached, which decides the elements it may and must hold.</summary>
public enum PolicyKind
{
    /// <summary>Attached to a user, group or role (inline or managed): no <c>Principal</c>.</summary>
    Identity,

    /// <summary>Attached to a resource (bucket, key, queue…): a <c>Principal</c> or <c>NotPrincipal</c> in every statement.</summary>
    Resource,

    /// <summary>A role's trust policy: a resource policy whose resource is the role, usually without <c>Resource</c>.</summary>
    Trust,

    /// <summary>A permissions boundary: shaped like an identity policy.</summary>
    PermissionBoundary,

    /// <summary>A session policy passed to <c>AssumeRole</c> or <c>GetFederationToken</c>: shaped like an identity policy.</summary>
    Session,

    /// <summary>An Organizations service control policy: no <c>Principal</c>.</summary>
    ServiceControl,

    /// <summary>An Organizations resource control policy: <c>Principal</c> is <c>"*"</c>.</summary>
    ResourceControl,

    /// <summary>A VPC endpoint policy: a resource policy of the endpoint.</summary>
    VpcEndpoint,
}
