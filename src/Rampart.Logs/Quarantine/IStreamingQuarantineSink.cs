using Rampart.Core.Diagnostics;
using Rampart.Core.Events;

namespace Rampart.Logs.Quarantine;

/// <summary>A quarantine that can take a record too large to hold in memory, piece by piece.</summary>
internal interface IStreamingQuarantineSink : IQuarantineSink
{
    /// <summary>Starts a record; the sink is reserved for it until the returned stream is disposed.</summary>
    IQuarantineRecordStream Begin(Diagnostic reason);
}
