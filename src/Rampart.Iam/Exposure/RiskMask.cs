namespace Rampart.Iam.Exposure;

/// <summary>The permission-risk categories an action counts in.</summary>
[Flags]
internal enum RiskMask
{
    None = 0,
    InfrastructureModification = 1,
    ResourceExposure = 2,
    CredentialsExposure = 4,
    DataExfiltration = 8,
    AdminProbe = 16,
}
