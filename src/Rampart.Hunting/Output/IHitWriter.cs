namespace Rampart.Hunting.Output;

/// <summary>Writes hits in one output format. Called from one thread at a time, in input order.</summary>
public interface IHitWriter : IDisposable
{
    /// <summary>Writes one hit.</summary>
    void Write(DetectionHit hit);

    /// <summary>Writes what comes after the hits (a summary, a closing bracket) and flushes.</summary>
    void Complete(HuntSummary summary);
}
