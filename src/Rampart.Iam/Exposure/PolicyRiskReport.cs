using System.Collections.Immutable;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Exposure;

/// <summary>
/// What one policy document grants on any resource when it is a principal's only policy: the view per policy, as
/// Cloudsplaining reports, beside Rampart's view per principal.
/// </summary>
/// <param name="Policy">The policy for a person: <c>managed policy arn:…</c> or <c>inline policy NAME of role R</c>.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="IsAdminEquivalent">Whether it alone allows every admin probe request.</param>
/// <param name="Actions">
/// Per category (<see cref="RiskCategory.ResourceExposure"/>, <see cref="RiskCategory.CredentialsExposure"/>,
/// <see cref="RiskCategory.DataExfiltration"/>, <see cref="RiskCategory.InfrastructureModification"/>), the actions it
/// allows outright on any resource, sorted; categories with none are absent.
/// </param>
public sealed record PolicyRiskReport(string Policy, string Name, bool IsAdminEquivalent, ImmutableSortedDictionary<RiskCategory, ImmutableArray<string>> Actions)
{
    /// <summary>The actions of one category, empty when none.</summary>
    public ImmutableArray<string> ActionsIn(RiskCategory category) => Actions.TryGetValue(category, out var actions) ? actions : [];
}
