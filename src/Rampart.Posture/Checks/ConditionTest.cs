using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>A compiled condition: decides over the resource, with <paramref name="current"/> the list element inside a quantifier.</summary>
internal delegate Truth ConditionTest(ResourceView view, JsonElement current);
