using Rampart.Core.Events;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// One line of a fixture file <c>Events/&lt;rule-id&gt;.jsonl</c>: a hand-written event and whether the
/// rule the file is named after must fire on it.
/// </summary>
/// <param name="RuleId">The id of the rule, taken from the file name.</param>
/// <param name="Path">The fixture file.</param>
/// <param name="Line">The 1-based line in the fixture file.</param>
/// <param name="ShouldMatch">True for <c>"expect": "match"</c>, false for <c>"no-match"</c>.</param>
/// <param name="Note">Why the event matches or is a near miss, for the person reading a failure.</param>
/// <param name="SourceType">The log source the event is parsed as (default CloudTrail).</param>
/// <param name="EventJson">The event exactly as written in the fixture.</param>
internal sealed record EventFixture(string RuleId, string Path, int Line, bool ShouldMatch, string Note, string SourceType, string EventJson)
{
    /// <summary>The event, with the fixture line as its origin so that a failure points at it.</summary>
    public JsonLogEvent ToEvent() => JsonLogEvent.Parse(EventJson, SourceType, origin: new EventOrigin(Path, Line, Line));

    /// <inheritdoc />
    public override string ToString() => $"{System.IO.Path.GetFileName(Path)}:{Line} ({(ShouldMatch ? "match" : "no-match")}): {Note}";
}
