using Rampart.Core.Diagnostics;

namespace Rampart.Core.Events;

/// <summary>Receives records that could not be read, verbatim, so that nothing is lost. Thread-safe.</summary>
public interface IQuarantineSink
{
    /// <summary>Keeps <paramref name="raw"/>, the bytes of one unreadable record, with the diagnostic that rejected it.</summary>
    void Write(Diagnostic reason, ReadOnlySpan<byte> raw);
}
