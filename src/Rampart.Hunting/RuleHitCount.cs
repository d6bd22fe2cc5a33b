namespace Rampart.Hunting;

/// <summary>How often one rule hit.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Count">Its hits.</param>
public sealed record RuleHitCount(HitRule Rule, long Count);
