namespace Rampart.Iam.Evaluation;

/// <summary>What kind of caller a request comes from.</summary>
public enum PrincipalKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>A session of an IAM role.</summary>
    RoleSession,

    /// <summary>A federated user (<c>GetFederationToken</c>).</summary>
    FederatedUser,

    /// <summary>The account's root user.</summary>
    Root,

    /// <summary>An AWS service principal such as <c>lambda.amazonaws.com</c>.</summary>
    Service,

    /// <summary>An unauthenticated caller.</summary>
    Anonymous,

    /// <summary>A principal Rampart cannot read as one of the others (a SAML or web identity provider…).</summary>
    Other,
}
