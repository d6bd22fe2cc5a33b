using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>A rule ready to run: its metadata and its compiled condition.</summary>
internal sealed record CompiledRule(SigmaRule Rule, EventPredicate Predicate);
