namespace Rampart.Posture.Frameworks;

/// <summary>
/// The status a result is reported and scored with: the check's own status (<see cref="Checks.CheckStatus"/>), or
/// <see cref="Muted"/> for a failure a mute accepts. Written <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>,
/// <c>NOT_APPLICABLE</c>, <c>MUTED</c> (<see cref="ResultStatusText"/>).
/// </summary>
public enum ResultStatus
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

/// <summary>The written form of <see cref="ResultStatus"/>.</summary>
public static class ResultStatusText
{
    /// <summary>The status as written in results: <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>, <c>NOT_APPLICABLE</c> or <c>MUTED</c>.</summary>
    public static string ToText(this ResultStatus status) => status switch
    {
        ResultStatus.Pass => "PASS",
        ResultStatus.Fail => "FAIL",
        ResultStatus.Error => "ERROR",
        ResultStatus.Muted => "MUTED",
        _ => "NOT_APPLICABLE",
    };
}
