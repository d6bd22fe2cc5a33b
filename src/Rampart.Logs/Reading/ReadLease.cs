namespace Rampart.Logs.Reading;

/// <summary>
/// Counts how far a reader has moved, so that an event over the reader's buffer can tell it has expired and fail
/// loudly instead of answering with another record's bytes.
/// </summary>
internal sealed class ReadLease
{
    public int Generation { get; private set; }

    public void Advance() => Generation++;

    public void EnsureCurrent(int generation)
    {
        if (generation != Generation)
            throw new InvalidOperationException("This event was read from a buffer that has moved on: an event is only valid until the reader's next MoveNext. Copy what you need (Summarize, WriteTo) before moving on.");
    }
}
