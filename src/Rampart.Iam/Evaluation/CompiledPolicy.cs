using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>A policy document compiled for evaluation: immutable, thread-safe, compiled once and used for any number of requests.</summary>
public sealed class CompiledPolicy
{
    private readonly CompiledStatement[] _statements;

    private CompiledPolicy(PolicyDocument document)
    {
        Document = document;
        _statements = [.. document.Statements.Select(statement => new CompiledStatement(statement, document))];
    }

    /// <summary>The document compiled.</summary>
    public PolicyDocument Document { get; }

    internal ReadOnlySpan<CompiledStatement> Statements => _statements;

    /// <summary>Compiles <paramref name="document"/>.</summary>
    public static CompiledPolicy Compile(PolicyDocument document) => new(Core.Guard.NotNull(document));

    /// <summary>Compiles each document.</summary>
    public static ImmutableArray<CompiledPolicy> CompileAll(IEnumerable<PolicyDocument> documents) =>
        [.. Core.Guard.NotNull(documents).Select(Compile)];
}
