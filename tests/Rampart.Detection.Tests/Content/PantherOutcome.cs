namespace Rampart.Detection.Tests.Content;

/// <summary>What rules did with one event.</summary>
internal enum PantherOutcome
{
    /// <summary>No rule matched.</summary>
    Quiet,

    /// <summary>Only rules that feed correlations matched: no alert from this event alone.</summary>
    Feeds,

    /// <summary>A rule that reports its own matches fired.</summary>
    Alerts,
}
