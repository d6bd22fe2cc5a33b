namespace Rampart.Posture.Frameworks;

/// <summary>
/// Control counts for a section or a framework. The score is <see cref="Passed"/> over <see cref="Assessed"/>,
/// where assessed controls are those that passed, failed or ended in error.
/// </summary>
/// <param name="Passed">Controls that passed.</param>
/// <param name="Failed">Controls that failed.</param>
/// <param name="Errors">Controls whose checks could not be evaluated and none failed.</param>
/// <param name="NotApplicable">Controls whose checks applied to nothing.</param>
/// <param name="Muted">Controls whose applicable results were all muted.</param>
/// <param name="NotAutomated">Controls with no checks.</param>
public readonly record struct Score(int Passed, int Failed, int Errors, int NotApplicable, int Muted, int NotAutomated)
{
    /// <summary>Controls that count towards the score: passed, failed and error.</summary>
    public int Assessed => Passed + Failed + Errors;

    /// <summary>All controls counted, whatever their status.</summary>
    public int Total => Assessed + NotApplicable + Muted + NotAutomated;

    /// <summary><see cref="Passed"/> / <see cref="Assessed"/>, from 0 to 1; null when nothing was assessed.</summary>
    public double? Ratio => Assessed == 0 ? null : (double)Passed / Assessed;

    internal Score Add(ControlStatus status) => status switch
    {
        ControlStatus.Passed => this with { Passed = Passed + 1 },
        ControlStatus.Failed => this with { Failed = Failed + 1 },
        ControlStatus.Error => this with { Errors = Errors + 1 },
        ControlStatus.NotApplicable => this with { NotApplicable = NotApplicable + 1 },
        ControlStatus.Muted => this with { Muted = Muted + 1 },
        _ => this with { NotAutomated = NotAutomated + 1 },
    };
}
