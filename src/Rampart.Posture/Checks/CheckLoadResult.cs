using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Checks;

/// <summary>The checks that loaded without errors, and every problem found, in file order.</summary>
/// <param name="Checks">The valid checks; a check with any error is left out.</param>
/// <param name="Diagnostics">Every problem, as <c>path:line:column: CODE: message</c>.</param>
public sealed record CheckLoadResult(ImmutableArray<CheckDefinition> Checks, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any problem is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
}
