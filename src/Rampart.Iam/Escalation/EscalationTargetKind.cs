namespace Rampart.Iam.Escalation;

/// <summary>What an escalation method acts on, which decides the concrete resources of the account it is tried against.</summary>
public enum EscalationTargetKind
{
    /// <summary>Each role of the account: <c>sts:AssumeRole</c> on it, decided with its trust policy.</summary>
    AssumeRole,

    /// <summary>Each role of the account but service-linked ones: rewrite its trust policy to name the principal, then assume it.</summary>
    RoleTrust,

    /// <summary>Each other user of the account: give it credentials the principal knows, then sign in as it.</summary>
    UserCredentials,

    /// <summary>
    /// Each role the method's service may assume (its trust policy allows the service principal): pass it to a resource
    /// the principal creates, whose code then runs with the role's permissions.
    /// </summary>
    PassRoleToService,

    /// <summary>
    /// Resources of the method's service that already exist and run as a role the service may assume; the export does not
    /// list them, so every such role is taken as one an existing resource might run as.
    /// </summary>
    ServiceResource,

    /// <summary>A user or role whose own permissions the principal changes by attaching or writing a policy on it.</summary>
    TargetPolicy,

    /// <summary>A group the target user is in, whose policies the principal changes.</summary>
    GroupPolicyOfTarget,

    /// <summary>A group the target user is not in, which the principal adds it to.</summary>
    GroupMembership,

    /// <summary>A customer managed policy attached to the target (or serving as its boundary), which the principal rewrites.</summary>
    PolicyOfTarget,

    /// <summary>The target's permissions boundary, which the principal removes.</summary>
    RemoveBoundary,

    /// <summary>The target's permissions boundary, which the principal replaces with one that allows everything.</summary>
    ReplaceBoundary,

    /// <summary>A user or role the principal creates and gives every permission.</summary>
    NewPrincipal,

    /// <summary>
    /// A customer managed policy attached to the principal whose default version it switches to another; the export holds
    /// only default versions, so the gain cannot be proven and the method is reported on its own, not used in paths.
    /// </summary>
    OtherPolicyVersion,
}
