namespace Rampart.Iam.Accounts;

/// <summary>An instance profile a role belongs to, through which EC2 instances take the role.</summary>
/// <param name="Name">The instance profile name.</param>
/// <param name="Arn">The instance profile ARN; empty when the export gives none.</param>
public readonly record struct InstanceProfile(string Name, string Arn);
