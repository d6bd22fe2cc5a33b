namespace Rampart.Iam.Policies;

/// <summary>What a statement does when it applies.</summary>
public enum PolicyEffect
{
    /// <summary>Grants the request, unless something denies it.</summary>
    Allow,

    /// <summary>Refuses the request, whatever else allows it.</summary>
    Deny,
}
