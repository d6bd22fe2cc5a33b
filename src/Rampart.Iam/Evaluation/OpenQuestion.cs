using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>
/// The state of one open evaluation: which way undecidable conditions are read in this pass, and what the favourable pass
/// found to depend on them.
/// </summary>
internal sealed class OpenQuestion(Func<string, bool> knownAbsent)
{
    public Func<string, bool> KnownAbsent { get; } = knownAbsent;

    /// <summary>
    /// The favourable pass reads undecidable Allow conditions as holding and undecidable Deny conditions as not; the other
    /// pass reads them the other way.
    /// </summary>
    public bool Favourable { get; set; } = true;

    /// <summary>The statements that held only if their undecidable conditions do, as the favourable pass met them.</summary>
    public List<ConditionRequirement> Requirements { get; } = [];

    /// <summary>The layers an Allow statement without undecidable conditions allowed in the favourable pass.</summary>
    public HashSet<string> SurelyAllowed { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a statement with undecidable <paramref name="conditions"/> takes effect in this pass; the favourable pass
    /// records it.
    /// </summary>
    public bool Applies(string layer, CompiledPolicy policy, CompiledStatement statement, List<PolicyCondition> conditions)
    {
        if (Favourable)
        {
            var source = statement.Statement;
            Requirements.Add(new ConditionRequirement(layer, policy.Document.Origin, source.Path, source.Sid, statement.Effect, [.. conditions]));
        }

        return (statement.Effect == PolicyEffect.Allow) == Favourable;
    }

    /// <summary>What the answer depends on: Deny requirements, and Allow requirements of layers nothing allowed outright.</summary>
    public ImmutableArray<ConditionRequirement> Relevant() =>
        [.. Requirements.Where(r => r.Effect == PolicyEffect.Deny || !SurelyAllowed.Contains(r.Layer))];
}
