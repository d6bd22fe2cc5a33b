using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary><c>field|exists: true/false</c>: presence of the field, whatever its value (null included).</summary>
internal sealed class ExistsPredicate(FieldPath path, bool expected) : EventPredicate
{
    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch)
    {
        var values = scratch.Values;
        values.Clear();
        logEvent.CollectValues(path, values);
        return values.Count > 0 == expected;
    }
}
