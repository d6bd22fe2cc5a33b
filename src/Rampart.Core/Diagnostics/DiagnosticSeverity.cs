namespace Rampart.Core.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing was skipped.</summary>
    Info,

    /// <summary>Something is suspicious or was tolerated; processing went on.</summary>
    Warning,

    /// <summary>Input was rejected or skipped.</summary>
    Error,
}
