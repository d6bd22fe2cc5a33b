using System.Collections.Immutable;

namespace Rampart.GameDays.Telemetry;

/// <summary>An attack mixed into the generated telemetry, with every record it added.</summary>
/// <param name="Name">The scenario name, e.g. <c>cloudtrail-stop-logging</c>.</param>
/// <param name="Description">What the attacker does.</param>
/// <param name="TechniqueId">The MITRE ATT&amp;CK technique, e.g. <c>T1562.008</c>.</param>
/// <param name="TechniqueName">The technique's name.</param>
/// <param name="Time">The time of the first record.</param>
/// <param name="Account">The victim account id.</param>
/// <param name="Region">The region whose logs hold the records.</param>
/// <param name="SourceType">One of <see cref="Rampart.Core.Events.LogSourceTypes"/>.</param>
/// <param name="Actor">Who acted: a principal ARN, or the attacker's address for network attacks.</param>
/// <param name="Records">The injected records, in time order.</param>
/// <param name="ExpectedRules">SigmaHQ rules expected to fire on these records (empty when none targets the behaviour).</param>
public sealed record InjectedAttack(
    string Name,
    string Description,
    string TechniqueId,
    string TechniqueName,
    DateTimeOffset Time,
    string Account,
    string Region,
    string SourceType,
    string Actor,
    ImmutableArray<InjectedRecord> Records,
    ImmutableArray<ExpectedRule> ExpectedRules)
{
    /// <summary>The outside addresses the attack came from (CloudTrail source IPs, flow sources from the internet): what a threat feed would list.</summary>
    public ImmutableArray<string> AttackerAddresses { get; init; } = [];
}
