using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>Formats diagnostics the way tests compare them: one <c>path:line:column: CODE: message</c> per line.</summary>
internal static class DiagnosticsText
{
    public static string Of(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    public static string Of(DiagnosticBag bag) => Of(bag.ToImmutableArray());

    public static IEnumerable<Diagnostic> AtLeast(DiagnosticBag bag, DiagnosticSeverity severity) =>
        bag.ToImmutableArray().Where(d => d.Severity >= severity);
}
