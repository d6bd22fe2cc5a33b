using System.Collections.Immutable;
using System.Text;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>
/// A statement whose effect on an open question depends on conditions the question could not decide, because their keys
/// are not known (<c>aws:MultiFactorAuthPresent</c>, <c>aws:SourceIp</c>…).
/// </summary>
/// <param name="Layer">The layer the statement is in, as in <see cref="LayerTrace.Layer"/>.</param>
/// <param name="Policy">The policy's origin.</param>
/// <param name="Statement">The statement's JSON path in its policy.</param>
/// <param name="Sid">Its Sid, if any.</param>
/// <param name="Effect">
/// Allow: the statement allows when all <paramref name="Conditions"/> hold. Deny: it denies when all of them hold.
/// </param>
/// <param name="Conditions">The undecided conditions, all of which must hold for the statement to apply.</param>
public sealed record ConditionRequirement(string Layer, string Policy, string Statement, string? Sid, PolicyEffect Effect, ImmutableArray<PolicyCondition> Conditions)
{
    /// <summary>The conditions as a person reads them: <c>Bool aws:MultiFactorAuthPresent = true and …</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var condition in Conditions)
        {
            if (text.Length > 0)
                text.Append(" and ");
            text.Append(condition.OperatorName).Append(' ').Append(condition.Key).Append(' ');
            text.Append(condition.Values.Length == 1 ? condition.Values[0] : "[" + string.Join(", ", condition.Values) + "]");
        }

        return text.ToString();
    }
}

/// <summary>
/// The answer to an open question (may this caller do this, whatever the rest of the request?), with the conditions it
/// still depends on.
/// </summary>
/// <param name="Decision">
/// The decision when the undecided conditions fall the caller's way: anything but <see cref="Decision.Allowed"/> means no
/// request can be allowed. When <paramref name="Requirements"/> is empty the decision holds for every request.
/// </param>
/// <param name="Requirements">
/// When allowed only under conditions: the request is allowed if, in every layer that lists Allow requirements, one of
/// them holds, and no Deny requirement holds.
/// </param>
/// <param name="Trace">The trace of the favourable reading.</param>
public sealed record OpenEvaluationResult(Decision Decision, ImmutableArray<ConditionRequirement> Requirements, EvaluationTrace Trace)
{
    /// <summary>Whether the caller is allowed only under conditions the question could not decide.</summary>
    public bool IsConditional => Decision == Decision.Allowed && !Requirements.IsEmpty;
}
