using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Rampart.Core.Diagnostics;

/// <summary>A thread-safe sink that keeps every diagnostic, in the order reported.</summary>
public sealed class DiagnosticBag : IDiagnosticSink
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private int _errors;

    /// <summary>The number of diagnostics of severity <see cref="DiagnosticSeverity.Error"/>.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>Whether any error was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Everything reported so far.</summary>
    public ImmutableArray<Diagnostic> ToImmutableArray() => [.. _items];

    /// <inheritdoc />
    public void Report(Diagnostic diagnostic)
    {
        Guard.NotNull(diagnostic);
        _items.Enqueue(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
            Interlocked.Increment(ref _errors);
    }
}
