using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>Passes on at most <see cref="HygieneDiagnostics.MaxDiagnostics"/> diagnostics, then one that stands for the rest.</summary>
internal sealed class LimitedSink(IDiagnosticSink inner) : IDiagnosticSink
{
    private int _count;

    public void Report(Diagnostic diagnostic)
    {
        var count = ++_count;
        if (count <= HygieneDiagnostics.MaxDiagnostics)
            inner.Report(diagnostic);
        else if (count == HygieneDiagnostics.MaxDiagnostics + 1)
            inner.Report(HygieneDiagnostics.TooManyProblems(new SourceLocation(diagnostic.Location.Path)));
    }
}
