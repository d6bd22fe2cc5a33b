using System.Collections.Immutable;
using Rampart.Iam.Access;

namespace Rampart.Iam.Escalation;

/// <summary>
/// One known way to gain permissions in a single step: the actions it needs, all together, and what they are asked on.
/// </summary>
/// <param name="Id">The stable id, used as the finding's check id, such as <c>iam-escalation-create-policy-version</c>.</param>
/// <param name="Description">What an attacker does and gains, for a person.</param>
/// <param name="Target">What the method acts on.</param>
/// <param name="Actions">The actions it needs, every one allowed.</param>
public sealed record EscalationMethod(string Id, string Description, EscalationTargetKind Target, ImmutableArray<MethodAction> Actions)
{
    /// <summary>
    /// For methods that run code as a role through a service: the service principal that must be allowed to assume the role
    /// (<c>lambda.amazonaws.com</c>), also the value of <c>iam:PassedToService</c> when the role is passed.
    /// </summary>
    public string? ServicePrincipal { get; init; }

    /// <summary>Whether the role must belong to an instance profile (EC2 takes roles only through one).</summary>
    public bool NeedsInstanceProfile { get; init; }

    /// <summary>Whether the method applies to users or to roles only; null for both.</summary>
    public AccessPrincipalKind? AppliesTo { get; init; }

    /// <summary>A few words for a path drawn step by step: <c>pass role {0} to a new Lambda function and invoke it</c>, {0} the target's name.</summary>
    public required string Step { get; init; }

    /// <summary>What the method assumes that the account's authorization details cannot show, if anything; stated in every finding that uses it.</summary>
    public string? Assumption { get; init; }
}
