using Rampart.Core.Events;
using Rampart.GameDays.Telemetry.Route53;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>A Resolver query caused by an attack.</summary>
internal sealed class DnsInjection : Injection
{
    public required DnsQuery Query { get; init; }

    public override string SourceType => LogSourceTypes.Route53Resolver;
}
