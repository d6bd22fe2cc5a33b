using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;

namespace Rampart.Logs.Tests.Support;

/// <summary>Keeps every quarantined record in memory.</summary>
internal sealed class CollectingQuarantine : IQuarantineSink
{
    private readonly Lock _gate = new();
    private readonly List<(Diagnostic Reason, byte[] Raw)> _records = [];

    public IReadOnlyList<(Diagnostic Reason, byte[] Raw)> Records
    {
        get
        {
            lock (_gate)
                return [.. _records];
        }
    }

    public IReadOnlyList<string> Texts => [.. Records.Select(record => Encoding.UTF8.GetString(record.Raw))];

    public void Write(Diagnostic reason, ReadOnlySpan<byte> raw)
    {
        lock (_gate)
            _records.Add((reason, raw.ToArray()));
    }
}
