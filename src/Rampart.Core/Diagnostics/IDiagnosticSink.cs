namespace Rampart.Core.Diagnostics;

/// <summary>Receives diagnostics as they are found. Implementations are thread-safe.</summary>
public interface IDiagnosticSink
{
    /// <summary>Records one diagnostic.</summary>
    void Report(Diagnostic diagnostic);
}
