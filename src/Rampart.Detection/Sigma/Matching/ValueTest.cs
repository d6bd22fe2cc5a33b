using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>One rule value compiled against the values an event has at a field.</summary>
internal abstract class ValueTest
{
    /// <summary>Whether the rule value matches <paramref name="values"/>, the event's values at the field (empty when absent).</summary>
    public abstract bool Test(ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch);
}
