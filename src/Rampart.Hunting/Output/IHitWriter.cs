namespace Rampart.Hunting.Output;

/// <summary>
/// Writes hits in one output format. Called from one thread at a time, in input order. A hit's event JSON may
/// lie in the reader's buffer and is valid only during <see cref="Write"/>: a writer that keeps hits keeps
/// <see cref="DetectionHit.Detach"/>.
/// </summary>
public interface IHitWriter : IDisposable
{
    /// <summary>Writes one hit.</summary>
    void Write(DetectionHit hit);

    /// <summary>Writes what comes after the hits (a summary, a closing bracket) and flushes.</summary>
    void Complete(HuntSummary summary);
}
