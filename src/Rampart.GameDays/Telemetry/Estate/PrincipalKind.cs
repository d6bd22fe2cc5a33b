namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>The CloudTrail <c>userIdentity.type</c> a principal appears as.</summary>
internal enum PrincipalKind
{
    IamUser,
    AssumedRole,
    Root,
    AwsService,
    FederatedUser,
    AwsAccount,

    /// <summary>AWS acting on its own (service events): the identity has an account and <c>invokedBy</c> but no type.</summary>
    AwsInternal,
}
