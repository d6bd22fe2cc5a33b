namespace Rampart.Iam.Evaluation;

/// <summary>How a resource policy's <c>Principal</c> names the caller, from weakest to strongest.</summary>
public enum PrincipalMatch
{
    /// <summary>Not named.</summary>
    None,

    /// <summary>Named through its account (<c>123456789012</c> or <c>arn:aws:iam::123456789012:root</c>): the account delegates to its own IAM policies.</summary>
    Account,

    /// <summary>A role session named through its role's ARN: limited by the session's boundary and session policy.</summary>
    Role,

    /// <summary>Named itself (user, session, service, <c>*</c>): granted directly.</summary>
    Direct,
}
