using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>A rule ready to run: its metadata, its compiled condition, and the fields it looks up in threat-intelligence lists.</summary>
internal sealed record CompiledRule(SigmaRule Rule, EventPredicate Predicate)
{
    public IReadOnlyList<IntelProbe> IntelProbes { get; init; } = [];
}
