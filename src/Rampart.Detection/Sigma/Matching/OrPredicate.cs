using System.Collections.Immutable;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>True when any operand is; stops at the first true one.</summary>
internal sealed class OrPredicate(ImmutableArray<EventPredicate> operands) : EventPredicate
{
    private readonly EventPredicate[] _operands = [.. operands];

    public ImmutableArray<EventPredicate> Operands { get; } = operands;

    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch)
    {
        foreach (var operand in _operands)
        {
            if (operand.Evaluate(logEvent, scratch))
                return true;
        }

        return false;
    }
}
