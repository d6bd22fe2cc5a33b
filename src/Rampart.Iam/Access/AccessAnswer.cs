using System.Collections.Immutable;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Access;

/// <summary>Whether a principal of an account is an IAM user or a role.</summary>
public enum AccessPrincipalKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM role, asked about as any session of it.</summary>
    Role,
}

/// <summary>A user or role of an account that questions are asked about.</summary>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">User or role.</param>
/// <param name="User">The user, when it is one.</param>
/// <param name="Role">The role, when it is one.</param>
public sealed record AccessPrincipal(string Arn, string Name, AccessPrincipalKind Kind, Accounts.IamUser? User, Accounts.IamRole? Role);

/// <summary>Whether one principal of an account may make a request, the conditions that still apply, and why.</summary>
/// <param name="PrincipalArn">The user or role ARN.</param>
/// <param name="PrincipalName">The user or role name.</param>
/// <param name="Kind">User or role.</param>
/// <param name="Result">The decision, the conditions it depends on, and its trace.</param>
/// <param name="Gaps">
/// What the answer could not take into account: policies or groups the export lacks, policies with errors. An answer
/// with gaps may be wrong.
/// </param>
public sealed record AccessAnswer(string PrincipalArn, string PrincipalName, AccessPrincipalKind Kind, OpenEvaluationResult Result, ImmutableArray<string> Gaps)
{
    /// <summary>Whether some request of the kind asked can be allowed (outright or under <see cref="OpenEvaluationResult.Requirements"/>).</summary>
    public bool IsAllowed => Result.Decision == Decision.Allowed;
}

/// <summary>The answer to <c>who-can</c>.</summary>
/// <param name="Allowed">The principals that may, outright or under conditions.</param>
/// <param name="Uncertain">
/// Principals found not to, whose answers have gaps (a policy the export lacks or that has errors): with the missing
/// pieces they might.
/// </param>
public sealed record WhoCanResult(ImmutableArray<AccessAnswer> Allowed, ImmutableArray<AccessAnswer> Uncertain);
