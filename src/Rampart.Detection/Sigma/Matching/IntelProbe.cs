using Rampart.Core.Events;
using Rampart.Detection.Intel;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A field a rule looks up in a list: <paramref name="Field"/> as the rule wrote it, <paramref name="Path"/> as read from events.</summary>
internal sealed record IntelProbe(FieldPath Path, string Field, IntelList List);
