using Rampart.Iam.Accounts;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// What <see cref="CredentialHygieneChecks"/> reads; every input is optional. A check whose input is missing is skipped and
/// says so in an <see cref="Risk.AnalysisNote"/>.
/// </summary>
public sealed record HygieneInputs
{
    /// <summary><c>aws iam get-account-authorization-details</c>: users' direct policies, <c>*:*</c> policies, the support role.</summary>
    public AccountAuthorizationDetails? AccountDetails { get; init; }

    /// <summary>How <see cref="AccountDetails"/> is named in proofs (its file); defaults to <c>account authorization details</c>.</summary>
    public string? AccountDetailsSource { get; init; }

    /// <summary>The credential report: root and users' passwords, MFA and access keys.</summary>
    public CredentialReport? CredentialReport { get; init; }

    /// <summary><c>aws iam get-account-password-policy</c>; <see cref="AccountPasswordPolicy.NotSet"/> when none is set.</summary>
    public AccountPasswordPolicy? PasswordPolicy { get; init; }

    /// <summary><c>aws iam get-account-summary</c>: root MFA and keys when there is no credential report; how many server certificates.</summary>
    public AccountSummary? AccountSummary { get; init; }

    /// <summary><c>aws iam list-server-certificates</c>: expired certificates.</summary>
    public ServerCertificateList? ServerCertificates { get; init; }

    /// <summary><c>aws iam list-virtual-mfa-devices</c>: whether root's MFA is virtual rather than hardware.</summary>
    public VirtualMfaDeviceList? VirtualMfaDevices { get; init; }
}
