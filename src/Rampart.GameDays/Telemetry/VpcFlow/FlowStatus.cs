namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>The <c>log-status</c> of a flow log row.</summary>
internal enum FlowStatus
{
    Ok,

    /// <summary>No traffic on the interface during the capture window.</summary>
    NoData,

    /// <summary>Records were skipped during the capture window (capacity or internal error).</summary>
    SkipData,
}
