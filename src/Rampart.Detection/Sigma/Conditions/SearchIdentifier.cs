using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Conditions;

/// <summary>A search identifier of detection and its compiled predicate (null when it failed to compile).</summary>
internal sealed record SearchIdentifier(string Name, EventPredicate? Predicate);
