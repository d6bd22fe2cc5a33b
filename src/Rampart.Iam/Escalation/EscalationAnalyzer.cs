using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Escalation;

/// <summary>
/// Privilege escalation over one account: which users and roles can reach full control of it, by the single-step methods
/// of <see cref="EscalationMethods"/> and by chains of them (assume a role, pass a role to code one runs, take over a user,
/// change a policy). Every step is decided by the evaluator against the account's own roles, users, groups and policies, so
/// resources, conditions, permissions boundaries, service control policies and denies all count. Principals that may
/// already do everything get no path.
/// </summary>
public static class EscalationAnalyzer
{
    /// <summary>Adds a finding for each principal that can reach full control (its shortest path) and the analysis's notes.</summary>
    /// <param name="access">The account, with its organisation's policies.</param>
    /// <param name="findings">Receives the findings, category <see cref="RiskCategory.PrivilegeEscalation"/>.</param>
    /// <param name="notes">Receives what the analysis could not see and assumed.</param>
    public static void Run(AccountAccess access, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
    {
        Guard.NotNull(findings);
        Guard.NotNull(notes);
        var analysis = Analyze(access);
        foreach (var finding in analysis.Findings)
            findings.Add(finding);
        foreach (var note in analysis.Notes)
            notes.Add(note);
    }

    /// <summary>The whole analysis: the graph of who can become or act as whom, each principal's shortest path, the findings.</summary>
    /// <param name="access">The account, with its organisation's policies.</param>
    public static EscalationAnalysis Analyze(AccountAccess access) => new EscalationSearch(Guard.NotNull(access)).Run();
}
