namespace Rampart.Core.Diagnostics;

/// <summary>A sink that drops everything; for callers that only want the result.</summary>
public sealed class NullDiagnosticSink : IDiagnosticSink
{
    /// <summary>The shared instance.</summary>
    public static NullDiagnosticSink Instance { get; } = new();

    private NullDiagnosticSink()
    {
    }

    /// <inheritdoc />
    public void Report(Diagnostic diagnostic)
    {
    }
}
