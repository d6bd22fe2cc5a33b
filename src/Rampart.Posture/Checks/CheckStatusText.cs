namespace Rampart.Posture.Checks;

/// <summary>The written form of <see cref="CheckStatus"/>: <c>PASS</c>, <c>FAIL</c>, <c>ERROR</c>, <c>NOT_APPLICABLE</c>.</summary>
public static class CheckStatusText
{
    /// <summary>The status as written in check files and results.</summary>
    public static string ToText(this CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Fail => "FAIL",
        CheckStatus.Error => "ERROR",
        _ => "NOT_APPLICABLE",
    };

    /// <summary>Reads a written status (case-sensitive); false when <paramref name="text"/> is none of them.</summary>
    public static bool TryParse(string text, out CheckStatus status)
    {
        switch (text)
        {
            case "PASS": status = CheckStatus.Pass; return true;
            case "FAIL": status = CheckStatus.Fail; return true;
            case "ERROR": status = CheckStatus.Error; return true;
            case "NOT_APPLICABLE": status = CheckStatus.NotApplicable; return true;
            default: status = default; return false;
        }
    }
}
