using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks;

/// <summary>
/// An example of a check: the resources it is shown and the status it must give. A check written in the language is
/// shown one resource; a plugin check is shown several (a trail, its metric filter, an alarm…) and must give the status
/// to every subject among them.
/// </summary>
/// <param name="Name">What the example shows.</param>
/// <param name="Expected">The status the check must give.</param>
/// <param name="Resources">The resources: one for a check in the language, any number for a plugin check.</param>
/// <param name="At">The evaluation time the example needs (for age operators), or null for the caller's.</param>
/// <param name="Location">Where the example is written.</param>
public sealed record CheckExample(string Name, CheckStatus Expected, ImmutableArray<CloudResource> Resources, DateTimeOffset? At, SourceLocation Location);
