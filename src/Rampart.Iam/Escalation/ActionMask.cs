using System.Collections.Frozen;

namespace Rampart.Iam.Escalation;

/// <summary>The catalogue's actions as bits, so that what a principal's statements name at all is one number per principal.</summary>
internal sealed class ActionMask
{
    private readonly FrozenDictionary<string, int> _bits;
    private readonly Dictionary<EscalationMethod, ulong> _methods = new(ReferenceEqualityComparer.Instance);

    public ActionMask(IEnumerable<string> actions)
    {
        Actions = [.. actions.Distinct(StringComparer.OrdinalIgnoreCase)];
        if (Actions.Length > 64)
            throw new InvalidOperationException($"the escalation catalogue names {Actions.Length} actions; the mask holds 64");
        _bits = Actions.Select((action, bit) => (action, bit)).ToFrozenDictionary(static pair => pair.action, static pair => pair.bit, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The actions, in bit order.</summary>
    public string[] Actions { get; }

    /// <summary>Whether the mask has the action's bit.</summary>
    public bool Has(ulong mask, string action) => (mask & (1UL << _bits[action])) != 0;

    /// <summary>Whether the mask has the bit of every action the method needs.</summary>
    public bool Has(ulong mask, EscalationMethod method)
    {
        if (!_methods.TryGetValue(method, out var needed))
        {
            needed = 0;
            foreach (var action in method.Actions)
                needed |= 1UL << _bits[action.Action];
            _methods[method] = needed;
        }

        return (mask & needed) == needed;
    }
}
