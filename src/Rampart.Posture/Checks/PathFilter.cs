using System.Collections.Immutable;
using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>
/// A filter <c>[?a.b == 'x']</c> of the directly compiled subset: a field chain (empty for <c>@</c>), a comparison and a
/// literal; no comparison means the chain's value must be truthy.
/// </summary>
internal sealed record PathFilter(ImmutableArray<string> Fields, string? Comparison, JsonElement Literal);
