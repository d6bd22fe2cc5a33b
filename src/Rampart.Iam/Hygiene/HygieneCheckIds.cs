namespace Rampart.Iam.Hygiene;

/// <summary>The stable ids of <see cref="CredentialHygieneChecks"/>' findings (<c>docs/iam-hygiene.md</c> describes each).</summary>
public static class HygieneCheckIds
{
    /// <summary>The root user has an active access key. CIS 1.4.</summary>
    public const string RootAccessKey = "iam-root-access-key";

    /// <summary>The root user has no MFA. CIS 1.5 (and 1.6).</summary>
    public const string RootMfa = "iam-root-mfa";

    /// <summary>The root user's MFA is a virtual device, not hardware. CIS 1.6.</summary>
    public const string RootHardwareMfa = "iam-root-hardware-mfa";

    /// <summary>The root user's password or keys were used recently. CIS 1.7.</summary>
    public const string RootRecentUse = "iam-root-recent-use";

    /// <summary>No password policy is set. CIS 1.8, 1.9.</summary>
    public const string PasswordPolicyMissing = "iam-password-policy-missing";

    /// <summary>The password policy's minimum length is under 14. CIS 1.8.</summary>
    public const string PasswordPolicyLength = "iam-password-policy-length";

    /// <summary>The password policy remembers fewer than 24 passwords. CIS 1.9.</summary>
    public const string PasswordPolicyReuse = "iam-password-policy-reuse";

    /// <summary>The password policy does not require every character class. AWS FSBP IAM.7.</summary>
    public const string PasswordPolicyComplexity = "iam-password-policy-complexity";

    /// <summary>A user with a console password has no MFA. CIS 1.10.</summary>
    public const string ConsoleUserWithoutMfa = "iam-user-console-without-mfa";

    /// <summary>An access key created with its console user and never used. CIS 1.11.</summary>
    public const string SetupAccessKeyUnused = "iam-access-key-setup-unused";

    /// <summary>A console password unused for 45 days or more. CIS 1.12.</summary>
    public const string PasswordUnused = "iam-password-unused";

    /// <summary>An active access key unused for 45 days or more. CIS 1.12.</summary>
    public const string AccessKeyUnused = "iam-access-key-unused";

    /// <summary>A user with two active access keys. CIS 1.13.</summary>
    public const string MultipleActiveAccessKeys = "iam-user-multiple-active-keys";

    /// <summary>An active access key older than 90 days. CIS 1.14.</summary>
    public const string AccessKeyNotRotated = "iam-access-key-not-rotated";

    /// <summary>A user with policies of its own, inline or attached. CIS 1.15.</summary>
    public const string UserAttachedPolicies = "iam-user-attached-policies";

    /// <summary>A policy allowing <c>*</c> on <c>*</c> is attached. CIS 1.16.</summary>
    public const string AdminPolicyAttached = "iam-admin-policy-attached";

    /// <summary>No role has <c>AWSSupportAccess</c>. CIS 1.17.</summary>
    public const string NoSupportRole = "iam-no-support-role";

    /// <summary>An IAM server certificate has expired. CIS 1.19.</summary>
    public const string ExpiredServerCertificate = "iam-server-certificate-expired";

    /// <summary>A user, group or role has <c>AWSCloudShellFullAccess</c>. CIS 1.22.</summary>
    public const string CloudShellFullAccess = "iam-cloudshell-full-access";
}
