namespace Rampart.Detection.Intel;

/// <summary>Why a rule's threat-intelligence lookup held: which value of which field was on which list, as which entry.</summary>
/// <param name="List">The list's name.</param>
/// <param name="Indicator">The list's entry, as written there (an address, network or domain).</param>
/// <param name="Field">The field, as the rule names it.</param>
/// <param name="Value">The event's value.</param>
public sealed record IntelMatch(string List, string Indicator, string Field, string Value);
