using Rampart.Hunting.Output;

namespace Rampart.Hunting.Tests;

internal sealed class CollectingHitWriter : IHitWriter
{
    public List<DetectionHit> Hits { get; } = [];

    public HuntSummary? Summary { get; private set; }

    public void Write(DetectionHit hit) => Hits.Add(hit.Detach());

    public void Complete(HuntSummary summary) => Summary = summary;

    public void Dispose()
    {
    }
}
