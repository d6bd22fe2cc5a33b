namespace Rampart.Iam.Risk;

/// <summary>
/// The fixed list of what an IAM finding is about; written in output as the kebab-case names in
/// <see cref="RiskCategories.Name"/> (<c>admin-equivalent</c>, <c>privilege-escalation</c>…).
/// </summary>
public enum RiskCategory
{
    /// <summary><c>admin-equivalent</c>: a principal that may do everything, or everything that matters.</summary>
    AdminEquivalent,

    /// <summary><c>privilege-escalation</c>: a principal that can give itself or reach more than it holds.</summary>
    PrivilegeEscalation,

    /// <summary><c>resource-exposure</c>: may change who can reach resources (resource policies, ACLs, sharing).</summary>
    ResourceExposure,

    /// <summary><c>credentials-exposure</c>: may obtain or create credentials (keys, tokens, passwords).</summary>
    CredentialsExposure,

    /// <summary><c>data-exfiltration</c>: may read sensitive data without resource constraints.</summary>
    DataExfiltration,

    /// <summary><c>infrastructure-modification</c>: may change infrastructure without resource constraints.</summary>
    InfrastructureModification,

    /// <summary><c>trust-exposure</c>: a role or resource others (anyone, other accounts, identity providers) may use.</summary>
    TrustExposure,

    /// <summary><c>unused-access</c>: users, roles, keys, passwords, services or actions not used in the window.</summary>
    UnusedAccess,

    /// <summary><c>credential-hygiene</c>: account and credential settings (CIS AWS Foundations section 1).</summary>
    CredentialHygiene,

    /// <summary><c>policy-lint</c>: a policy document with problems the linter reports.</summary>
    PolicyLint,
}

/// <summary>Names of <see cref="RiskCategory"/> values as output writes them.</summary>
public static class RiskCategories
{
    /// <summary>The kebab-case name: <c>privilege-escalation</c>.</summary>
    public static string Name(RiskCategory category) => category switch
    {
        RiskCategory.AdminEquivalent => "admin-equivalent",
        RiskCategory.PrivilegeEscalation => "privilege-escalation",
        RiskCategory.ResourceExposure => "resource-exposure",
        RiskCategory.CredentialsExposure => "credentials-exposure",
        RiskCategory.DataExfiltration => "data-exfiltration",
        RiskCategory.InfrastructureModification => "infrastructure-modification",
        RiskCategory.TrustExposure => "trust-exposure",
        RiskCategory.UnusedAccess => "unused-access",
        RiskCategory.CredentialHygiene => "credential-hygiene",
        RiskCategory.PolicyLint => "policy-lint",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
