namespace Rampart.Iam.Exposure;

/// <summary>The check ids of the permission-risk and trust-exposure analyses; docs/iam-exposure.md describes each.</summary>
public static class ExposureCheckIds
{
    /// <summary>A principal allowed every probe request across services on any resource.</summary>
    public const string AdminEquivalent = "iam-admin-equivalent";

    /// <summary>A principal that may change resource policies, ACLs or sharing on any resource.</summary>
    public const string ResourceExposure = "iam-resource-exposure";

    /// <summary>A principal that may create or obtain credentials on any resource.</summary>
    public const string CredentialsExposure = "iam-credentials-exposure";

    /// <summary>A principal that may read sensitive data on any resource.</summary>
    public const string DataExfiltration = "iam-data-exfiltration";

    /// <summary>A principal that may perform Write or Permissions-management actions on any resource.</summary>
    public const string InfrastructureModification = "iam-infrastructure-modification";

    /// <summary>A role that any AWS principal, in any account, may assume.</summary>
    public const string TrustAnyone = "iam-trust-anyone";

    /// <summary>A role that principals of other accounts may assume without an external id.</summary>
    public const string TrustCrossAccount = "iam-trust-cross-account-no-external-id";

    /// <summary>A role that users of an OIDC provider may assume without conditions on the token's audience and subject.</summary>
    public const string TrustOidc = "iam-trust-oidc-unconstrained";

    /// <summary>A role that users of a SAML provider may assume without a condition on <c>SAML:aud</c>.</summary>
    public const string TrustSaml = "iam-trust-saml-no-audience";

    /// <summary>A role that AWS services may assume: informational.</summary>
    public const string TrustService = "iam-trust-service";

    /// <summary>A unique id (<c>AROA…</c>, <c>AIDA…</c>) where a principal ARN should be: the principal was deleted.</summary>
    public const string DanglingPrincipal = "iam-trust-dangling-principal";

    /// <summary>A resource policy that allows anonymous callers or every AWS account.</summary>
    public const string ResourcePolicyPublic = "iam-resource-policy-public";

    /// <summary>A resource policy that allows other accounts.</summary>
    public const string ResourcePolicyCrossAccount = "iam-resource-policy-cross-account";
}
