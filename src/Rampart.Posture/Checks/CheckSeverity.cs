namespace Rampart.Posture.Checks;

/// <summary>How much a failing check matters, from <see cref="Informational"/> to <see cref="Critical"/>.</summary>
public enum CheckSeverity
{
    /// <summary>Worth knowing; no action expected.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical: act now.</summary>
    Critical,
}
