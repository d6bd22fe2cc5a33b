using System.Collections.Immutable;
using Rampart.Core.Events;

namespace Rampart.Detection.Correlation;

/// <summary>A correlation that fired: the group, the window of event time and what was measured in it.</summary>
public sealed record CorrelationMatch
{
    /// <summary>The correlation rule.</summary>
    public required SigmaCorrelation Correlation { get; init; }

    /// <summary>The group-by fields (or aliases) and their values in this group, in the rule's order.</summary>
    public required ImmutableArray<KeyValuePair<string, string?>> Group { get; init; }

    /// <summary>The time of the first event in the window.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>The time of the last event in the window: when the correlation could first be known.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>How many events (or matches of correlations it builds on) the window held.</summary>
    public required int Events { get; init; }

    /// <summary>What the condition was judged on: the count, distinct values, rules seen, sum, mean or percentile.</summary>
    public required double Measured { get; init; }

    /// <summary>The ids of the rules whose matches took part, in first-seen order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }

    /// <summary>The ids of the events that took part (the first 100), where their records have ids.</summary>
    public required ImmutableArray<string> EventIds { get; init; }

    /// <summary>The summary of the last event of the window.</summary>
    public required EventSummary Last { get; init; }

    /// <summary>For <c>new_value</c>, the value never seen before for the group (after its transform); null for other types.</summary>
    public string? NewValue { get; init; }

    /// <summary>The stream of the last event of the window (<see cref="CorrelationObservation.Stream"/>).</summary>
    public required string Stream { get; init; }
}
