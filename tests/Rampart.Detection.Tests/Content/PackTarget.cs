using System.Collections.Immutable;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Content;

/// <summary>
/// A top-level rule of the pack named in a coverage map: a detection rule, or a correlation with the detection
/// rules it is built on (through inner correlations too).
/// </summary>
internal sealed record PackTarget(string Id, string Title, SigmaRule? Rule, ImmutableHashSet<SigmaRule> Feeders);
