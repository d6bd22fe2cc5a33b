using System.Collections.Frozen;
using Rampart.Core;
using Rampart.Iam.Catalog;

namespace Rampart.Iam.Exposure;

/// <summary>
/// The curated action lists of the permission-risk categories, with the severity each brings and why it is listed.
/// docs/iam-exposure.md lists them for a person; a test checks that every name is in the catalog.
/// </summary>
internal static class RiskActions
{
    /// <summary>Actions that hand out or create credentials: keys, passwords, tokens, database logins.</summary>
    public static IReadOnlyList<(string Action, Severity Severity, string Why)> Credentials { get; } =
    [
        ("iam:CreateAccessKey", Severity.High, "creates a long-lived access key for any user"),
        ("iam:UpdateAccessKey", Severity.High, "re-activates a user's disabled access key"),
        ("iam:CreateLoginProfile", Severity.High, "sets a console password for a user that had none"),
        ("iam:UpdateLoginProfile", Severity.High, "changes another user's console password"),
        ("iam:CreateServiceSpecificCredential", Severity.High, "creates a password for CodeCommit, Keyspaces or Bedrock as a user"),
        ("iam:ResetServiceSpecificCredential", Severity.High, "resets such a password and returns it"),
        ("iam:UploadSSHPublicKey", Severity.Medium, "adds an SSH key that signs in to CodeCommit as a user"),
        ("iam:UploadSigningCertificate", Severity.Medium, "adds an X.509 signing certificate to a user"),
        ("sts:GetFederationToken", Severity.Medium, "returns temporary credentials for a federated user"),
        ("ecr:GetAuthorizationToken", Severity.Low, "returns a registry password valid for twelve hours"),
        ("ecr-public:GetAuthorizationToken", Severity.Low, "returns a public registry token"),
        ("codeartifact:GetAuthorizationToken", Severity.Low, "returns a package repository token"),
        ("redshift:GetClusterCredentials", Severity.Medium, "returns a temporary database password for any database user"),
        ("redshift:GetClusterCredentialsWithIAM", Severity.Medium, "returns a temporary database password"),
        ("redshift-serverless:GetCredentials", Severity.Medium, "returns a temporary database password"),
        ("rds-db:connect", Severity.Medium, "signs in to RDS databases as any database user with IAM authentication"),
        ("ec2:GetPasswordData", Severity.Medium, "returns the encrypted Windows administrator password of an instance"),
        ("ec2-instance-connect:SendSSHPublicKey", Severity.Medium, "pushes an SSH key to an instance for sixty seconds"),
        ("lightsail:GetInstanceAccessDetails", Severity.Medium, "returns temporary SSH keys or a password for an instance"),
        ("appsync:CreateApiKey", Severity.Low, "creates an API key for a GraphQL API"),
    ];

    /// <summary>Actions that read data people keep secret or that is usually sensitive.</summary>
    public static IReadOnlyList<(string Action, Severity Severity, string Why)> DataExfiltration { get; } =
    [
        ("s3:GetObject", Severity.Medium, "reads any object of any bucket"),
        ("s3:GetObjectVersion", Severity.Medium, "reads any version of any object, deleted ones too"),
        ("ssm:GetParameter", Severity.High, "reads parameters, SecureString ones decrypted"),
        ("ssm:GetParameters", Severity.High, "reads parameters, SecureString ones decrypted"),
        ("ssm:GetParametersByPath", Severity.High, "reads whole trees of parameters"),
        ("ssm:GetParameterHistory", Severity.High, "reads every past value of parameters"),
        ("secretsmanager:GetSecretValue", Severity.High, "reads secrets"),
        ("secretsmanager:BatchGetSecretValue", Severity.High, "reads many secrets at once"),
        ("kms:Decrypt", Severity.High, "decrypts with any key whose key policy leaves access to IAM"),
        ("dynamodb:Scan", Severity.Medium, "reads whole tables"),
        ("dynamodb:ExportTableToPointInTime", Severity.Medium, "exports whole tables to S3"),
        ("rds:CreateDBSnapshot", Severity.Medium, "snapshots a database, which can then be copied or restored elsewhere"),
        ("rds:CopyDBSnapshot", Severity.Medium, "copies a database snapshot, to another key or region"),
        ("ec2:CreateSnapshot", Severity.Low, "snapshots a volume, which can then be shared or mounted elsewhere"),
        ("ebs:GetSnapshotBlock", Severity.Medium, "reads the blocks of any volume snapshot"),
        ("lambda:GetFunction", Severity.Low, "downloads function code, which often holds configuration"),
    ];

    /// <summary>
    /// Actions that open resources to others without the catalog calling them permissions management: sharing snapshots,
    /// images and resources.
    /// </summary>
    public static IReadOnlyList<string> ResourceExposureExtra { get; } =
    [
        "ec2:ModifyImageAttribute",
        "rds:ModifyDBSnapshotAttribute",
        "rds:ModifyDBClusterSnapshotAttribute",
        "ram:CreateResourceShare",
        "ram:AssociateResourceShare",
        "iam:UpdateAssumeRolePolicy",
    ];

    /// <summary>
    /// The requests a principal must be allowed, outright or under conditions, to count as admin-equivalent: identity,
    /// compute, storage, data, keys and logging, each on a resource no policy names (or on <c>*</c> when the action takes
    /// none).
    /// </summary>
    public static IReadOnlyList<string> AdminProbes { get; } =
    [
        "iam:CreateUser",
        "iam:PutUserPolicy",
        "iam:AttachRolePolicy",
        "iam:CreateAccessKey",
        "iam:PassRole",
        "iam:ListUsers",
        "ec2:RunInstances",
        "ec2:AuthorizeSecurityGroupIngress",
        "s3:GetObject",
        "s3:PutBucketPolicy",
        "s3:DeleteBucket",
        "lambda:UpdateFunctionCode",
        "dynamodb:DeleteTable",
        "rds:DeleteDBInstance",
        "secretsmanager:GetSecretValue",
        "kms:Decrypt",
        "cloudtrail:StopLogging",
    ];

    /// <summary>Role-assumption actions: decided by the role's trust policy, so left to the escalation analysis.</summary>
    public static FrozenSet<string> RoleTrust => Evaluation.PolicyEvaluator.TrustActions;

    /// <summary>
    /// Whether a permissions-management action of the catalog changes who can reach a resource: every such action except
    /// those of IAM and STS (identity policies, which the escalation analysis covers) and those that only read.
    /// </summary>
    public static bool IsResourceExposure(IamAction action) =>
        action.AccessLevel == IamAccessLevel.PermissionsManagement
        && !string.Equals(action.Service, "iam", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(action.Service, "sts", StringComparison.OrdinalIgnoreCase)
        && !OnlyReads(action);

    /// <summary>
    /// Whether a Write or Permissions-management action only reads, by its name (<c>quicksight:DescribeTopicPermissions</c>
    /// is filed as permissions management): such actions modify nothing.
    /// </summary>
    public static bool OnlyReads(IamAction action) =>
        action.Name.StartsWith("Describe", StringComparison.Ordinal)
        || action.Name.StartsWith("List", StringComparison.Ordinal)
        || (action.Name.StartsWith("Get", StringComparison.Ordinal) && action.AccessLevel == IamAccessLevel.PermissionsManagement);
}
