namespace Rampart.Core;

/// <summary>How urgent a finding is, in the order of OCSF's <c>severity_id</c> and Sigma's <c>level</c>.</summary>
public enum Severity
{
    /// <summary>Nothing to act on; context for an investigation.</summary>
    Informational = 1,

    /// <summary>Low.</summary>
    Low = 2,

    /// <summary>Medium.</summary>
    Medium = 3,

    /// <summary>High.</summary>
    High = 4,

    /// <summary>Act now.</summary>
    Critical = 5,
}
