using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>True when the operand is false.</summary>
internal sealed class NotPredicate(EventPredicate operand) : EventPredicate
{
    public EventPredicate Operand { get; } = operand;

    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch) => !Operand.Evaluate(logEvent, scratch);
}
