namespace Rampart.Posture.Inventory;

/// <summary>
/// Pseudo-types for account-level settings, so that they take part in checks and drift like resources. Real resources
/// use their CloudFormation types (<c>AWS::EC2::SecurityGroup</c>).
/// </summary>
public static class ResourceTypes
{
    /// <summary>The account itself (its id, alias, contacts when known).</summary>
    public const string Account = "Rampart::Account::Account";

    /// <summary><c>aws iam get-account-password-policy</c>; configuration <c>{}</c> with <c>Exists: false</c> when none is set.</summary>
    public const string PasswordPolicy = "Rampart::IAM::PasswordPolicy";

    /// <summary><c>aws iam get-account-summary</c>'s <c>SummaryMap</c>.</summary>
    public const string AccountSummary = "Rampart::IAM::AccountSummary";

    /// <summary>A row of the IAM credential report (the root user's among them).</summary>
    public const string CredentialReportRow = "Rampart::IAM::CredentialReportRow";

    /// <summary><c>aws ec2 get-ebs-encryption-by-default</c>, per region.</summary>
    public const string EbsEncryptionByDefault = "Rampart::EC2::EbsEncryptionByDefault";

    /// <summary><c>aws s3control get-public-access-block</c> for the account.</summary>
    public const string AccountPublicAccessBlock = "Rampart::S3::AccountPublicAccessBlock";

    /// <summary>A region's GuardDuty detectors (<c>aws guardduty list-detectors</c> and <c>get-detector</c>), empty when none.</summary>
    public const string GuardDutyRegion = "Rampart::GuardDuty::Region";

    /// <summary>A region's Security Hub state (<c>aws securityhub describe-hub</c>, with <c>Enabled</c>); <c>{"Enabled": false}</c> when a recorded call says the account is not subscribed, absent when not collected.</summary>
    public const string SecurityHubRegion = "Rampart::SecurityHub::Region";

    /// <summary><c>aws iam list-virtual-mfa-devices</c> for the account: <c>{"VirtualMFADevices": […]}</c>, each with the <c>User</c> it is assigned to.</summary>
    public const string VirtualMfaDevices = "Rampart::IAM::VirtualMfaDevices";

    /// <summary>A region's AWS Config recorders and their status.</summary>
    public const string ConfigRegion = "Rampart::Config::Region";
}
