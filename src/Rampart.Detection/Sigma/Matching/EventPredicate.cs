using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A compiled piece of a rule's condition: a closure tree evaluated per event with no interpretation.</summary>
internal abstract class EventPredicate
{
    public abstract bool Evaluate(LogEvent logEvent, MatchScratch scratch);
}
