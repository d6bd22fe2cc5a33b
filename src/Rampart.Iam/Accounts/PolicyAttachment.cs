namespace Rampart.Iam.Accounts;

/// <summary>How a policy document comes to apply to a user or role.</summary>
public enum PolicyAttachment
{
    /// <summary>An inline policy of the principal itself.</summary>
    Inline,

    /// <summary>A managed policy attached to the principal itself.</summary>
    Managed,

    /// <summary>An inline policy of a group the user is in.</summary>
    GroupInline,

    /// <summary>A managed policy attached to a group the user is in.</summary>
    GroupManaged,

    /// <summary>The managed policy set as the principal's permissions boundary: it caps, never grants.</summary>
    PermissionsBoundary,
}
