using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks;

/// <summary>An example of a check: a resource and the status the check must give it.</summary>
/// <param name="Name">What the example shows.</param>
/// <param name="Expected">The status the check must give.</param>
/// <param name="Resource">The resource.</param>
/// <param name="At">The evaluation time the example needs (for age operators), or null for the caller's.</param>
/// <param name="Location">Where the example is written.</param>
public sealed record CheckExample(string Name, CheckStatus Expected, CloudResource Resource, DateTimeOffset? At, SourceLocation Location);
