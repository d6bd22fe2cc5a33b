namespace Rampart.Iam.Escalation;

/// <summary>What a node of the escalation graph stands for.</summary>
public enum EscalationNodeKind
{
    /// <summary>An IAM user of the account.</summary>
    User,

    /// <summary>An IAM role of the account.</summary>
    Role,

    /// <summary>Full control of the account: reached by a principal that gives itself every permission.</summary>
    FullControl,

    /// <summary>
    /// Existing resources of one service (Lambda functions, EC2 instances…) that the export does not list, standing for any
    /// of them running as any role the service may assume.
    /// </summary>
    ServiceResources,
}
