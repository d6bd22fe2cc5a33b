using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Exposure;

/// <summary>Actions the same statements match, so decided alike: the one asked about, all of them, and the answer.</summary>
/// <param name="Representative">The action asked about.</param>
/// <param name="Members">The actions of the class, as a bit set over the universe.</param>
/// <param name="Result">The evaluator's answer for the representative.</param>
internal sealed record GrantClass(int Representative, ulong[] Members, OpenEvaluationResult Result)
{
    public bool IsAllowedOutright => Result is { Decision: Decision.Allowed, Requirements.IsEmpty: true };
}
