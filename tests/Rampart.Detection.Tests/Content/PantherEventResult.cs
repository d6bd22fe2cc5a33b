using System.Collections.Immutable;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// What the pack made of one Panther test event: the source type the readers gave it, the detection rules it
/// matched, reading problems, and how many correlations a run over this event alone completed.
/// </summary>
internal sealed record PantherEventResult(
    PantherRuleFile Rule,
    PantherTest Test,
    string? SourceType,
    ImmutableArray<SigmaRule> Matched,
    ImmutableArray<string> Problems,
    int CorrelationHits)
{
    public bool IsRead => Problems.IsEmpty && SourceType is not null;

    public override string ToString() => $"{Rule.RuleId} / {Test.Name}";
}
