using Rampart.Core.Events;
using Rampart.GameDays.Telemetry.VpcFlow;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>A flow log row caused by an attack.</summary>
internal sealed class FlowInjection : Injection
{
    public required FlowRecord Row { get; init; }

    public override string SourceType => LogSourceTypes.VpcFlow;
}
