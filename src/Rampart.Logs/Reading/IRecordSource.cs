using Rampart.Core.Events;

namespace Rampart.Logs.Reading;

/// <summary>Turns the bytes of one file into events, one <see cref="MoveNext"/> at a time.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>The current event; valid until the next <see cref="MoveNext"/>.</summary>
    LogEvent Current { get; }

    /// <summary>Reads the next event, skipping (and reporting) records that cannot be read. False at the end of the file.</summary>
    bool MoveNext();
}
