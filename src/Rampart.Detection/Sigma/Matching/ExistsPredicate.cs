using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary><c>field|exists: true/false</c>: presence of the field, whatever its value (null included).</summary>
internal sealed class ExistsPredicate(FieldPath path, bool expected) : EventPredicate
{
    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch)
    {
        return scratch.ValuesOf(logEvent, path).Length > 0 == expected;
    }
}
