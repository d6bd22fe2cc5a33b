namespace Rampart.Posture.Checks;

/// <summary>The outcome of one check on one resource. Written as <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>, <c>NOT_APPLICABLE</c>.</summary>
public enum CheckStatus
{
    /// <summary>The assertion holds.</summary>
    Pass,

    /// <summary>The assertion does not hold.</summary>
    Fail,

    /// <summary>The check could not be decided (a value of an unexpected type, a policy that does not parse…).</summary>
    Error,

    /// <summary>The check's <c>applies</c> condition does not hold for the resource.</summary>
    NotApplicable,
}
