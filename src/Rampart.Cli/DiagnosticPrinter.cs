using Rampart.Core.Diagnostics;

namespace Rampart.Cli;

/// <summary>
/// Prints diagnostics to standard error as <c>path:line:column: CODE: message</c>. While a progress
/// bar owns the terminal they are held back and printed when it ends.
/// </summary>
internal sealed class DiagnosticPrinter(TextWriter error) : IDiagnosticSink
{
    private readonly Lock _gate = new();
    private readonly List<Diagnostic> _held = [];
    private bool _holding;
    private int _errors;
    private int _warnings;

    public int Errors => Volatile.Read(ref _errors);

    public int Warnings => Volatile.Read(ref _warnings);

    public void Report(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
                _errors++;
            else if (diagnostic.Severity == DiagnosticSeverity.Warning)
                _warnings++;
            if (_holding)
                _held.Add(diagnostic);
            else
                error.WriteLine(Format(diagnostic));
        }
    }

    public IDisposable Hold()
    {
        lock (_gate)
            _holding = true;
        return new Release(this);
    }

    private static string Format(Diagnostic diagnostic) => diagnostic.Severity switch
    {
        DiagnosticSeverity.Error => diagnostic.ToString(),
        DiagnosticSeverity.Warning => $"{diagnostic.Location}: {diagnostic.Code}: warning: {diagnostic.Message}",
        _ => $"{diagnostic.Location}: {diagnostic.Code}: info: {diagnostic.Message}",
    };

    private void Flush()
    {
        lock (_gate)
        {
            _holding = false;
            foreach (var diagnostic in _held)
                error.WriteLine(Format(diagnostic));
            _held.Clear();
        }
    }

    private sealed class Release(DiagnosticPrinter printer) : IDisposable
    {
        public void Dispose() => printer.Flush();
    }
}
