namespace Rampart.Core.Diagnostics;

/// <summary>
/// A problem with user input (a rule, a log record, a configuration file), reported as a value and
/// never thrown. Printed as <c>path:line:column: CODE: message</c>.
/// </summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Code">A stable code from the subsystem's catalog, such as <c>RULE012</c> or <c>LOG003</c>.</param>
/// <param name="Message">One sentence for a person.</param>
/// <param name="Location">Where the problem is.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    /// <summary>Formats as <c>path:line:column: CODE: message</c>.</summary>
    public override string ToString() => $"{Location}: {Code}: {Message}";
}
