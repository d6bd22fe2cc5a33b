using Rampart.Core.Diagnostics;
using Rampart.Core.Events;

namespace Rampart.Logs.Quarantine;

/// <summary>
/// The bytes of one oversized record on their way to the quarantine. A streaming sink gets all of them, piece by
/// piece; any other sink gets the first piece only (at most the record size limit), since nothing larger is ever
/// held in memory.
/// </summary>
internal sealed class SkippedRecord : IDisposable
{
    private readonly IQuarantineSink? _sink;
    private readonly IQuarantineRecordStream? _stream;
    private readonly Diagnostic _reason;
    private readonly int _limit;
    private bool _written;

    public SkippedRecord(IQuarantineSink? sink, Diagnostic reason, int limit)
    {
        _sink = sink;
        _reason = reason;
        _limit = limit;
        _stream = (sink as IStreamingQuarantineSink)?.Begin(reason);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Append(bytes);
            return;
        }

        if (_written || _sink is null)
            return;
        _sink.Write(_reason, bytes[..Math.Min(bytes.Length, _limit)]);
        _written = true;
    }

    public void Dispose() => _stream?.Dispose();
}
