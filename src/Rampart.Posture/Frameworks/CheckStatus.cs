namespace Rampart.Posture.Frameworks;

/// <summary>The outcome of one check on one resource, as results report it.</summary>
public enum CheckStatus
{
    /// <summary>The resource meets the check (<c>PASS</c>).</summary>
    Pass,

    /// <summary>The resource does not meet the check (<c>FAIL</c>).</summary>
    Fail,

    /// <summary>The check could not be evaluated on the resource (<c>ERROR</c>).</summary>
    Error,

    /// <summary>The check does not apply to the resource (<c>NOT_APPLICABLE</c>).</summary>
    NotApplicable,

    /// <summary>The result is muted by a user's decision (<c>MUTED</c>).</summary>
    Muted,
}
