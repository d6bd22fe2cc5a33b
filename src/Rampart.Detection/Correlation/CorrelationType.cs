namespace Rampart.Detection.Correlation;

/// <summary>What a Sigma correlation rule measures over the events of one group in one window.</summary>
public enum CorrelationType
{
    /// <summary><c>event_count</c>: how many events the referenced rules matched.</summary>
    EventCount,

    /// <summary><c>value_count</c>: how many distinct values a field took.</summary>
    ValueCount,

    /// <summary><c>temporal</c>: how many of the referenced rules matched, in any order.</summary>
    Temporal,

    /// <summary><c>temporal_ordered</c>: the referenced rules matched in the order they are listed.</summary>
    TemporalOrdered,

    /// <summary><c>value_sum</c>: the sum of a numeric field.</summary>
    ValueSum,

    /// <summary><c>value_avg</c>: the mean of a numeric field.</summary>
    ValueAverage,

    /// <summary><c>value_percentile</c>: a percentile of a numeric field.</summary>
    ValuePercentile,

    /// <summary>
    /// <c>new_value</c> (Rampart's extension, not Sigma): a group's field takes a value it never took before, once the
    /// group's learning period is over. Baselines persist between hunts in a state file.
    /// </summary>
    NewValue,
}
