namespace Rampart.Posture.Frameworks;

/// <summary>Where a control stands given the results of its checks; see <see cref="FrameworkScorer"/> for the rules.</summary>
public enum ControlStatus
{
    /// <summary>Every result of its checks that applies is a pass, and there is at least one.</summary>
    Passed,

    /// <summary>At least one result of its checks is a fail.</summary>
    Failed,

    /// <summary>No result fails, but at least one could not be evaluated.</summary>
    Error,

    /// <summary>Its checks apply to no resource: no results, or only not-applicable ones.</summary>
    NotApplicable,

    /// <summary>Every result that applies was muted.</summary>
    Muted,

    /// <summary>No check implements it yet, or it cannot be assessed from configuration.</summary>
    NotAutomated,
}
