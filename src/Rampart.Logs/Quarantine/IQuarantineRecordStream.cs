namespace Rampart.Logs.Quarantine;

/// <summary>One quarantined record being written in pieces; disposing it finishes the record.</summary>
internal interface IQuarantineRecordStream : IDisposable
{
    /// <summary>Adds the next bytes of the record.</summary>
    void Append(ReadOnlySpan<byte> bytes);
}
