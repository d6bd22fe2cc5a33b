using System.Collections.Immutable;

namespace Rampart.Iam.Evaluation;

/// <summary>One request to decide: who asks to do what to which resource, and the request context.</summary>
public sealed record AuthorizationRequest
{
    /// <summary>
    /// The caller: an IAM user ARN, an assumed-role session ARN (<c>arn:aws:sts::…:assumed-role/Role/session</c>), a role
    /// ARN (read as a session of that role), a federated user ARN, the account root (<c>arn:aws:iam::…:root</c>), a service
    /// principal (<c>lambda.amazonaws.com</c>), or <c>*</c> / <c>anonymous</c> for an unauthenticated caller.
    /// </summary>
    public required string Principal { get; init; }

    /// <summary>The action, <c>service:Name</c>; compared case-insensitively.</summary>
    public required string Action { get; init; }

    /// <summary>The resource ARN, or <c>*</c> for actions that take no resource.</summary>
    public required string Resource { get; init; }

    /// <summary>The account that owns the resource; when null it is taken from the resource ARN, else the caller's.</summary>
    public string? ResourceAccount { get; init; }

    /// <summary>Context keys (case-insensitive) and their values; keys the evaluator can derive (aws:PrincipalArn…) are added when absent.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Context { get; init; } =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
}
