using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Policies;

/// <summary>A parsed IAM policy document. Parse with <see cref="Parse"/>; evaluate through the evaluator, which compiles it once.</summary>
public sealed record PolicyDocument
{
    /// <summary>The policy language version written, or null when <c>Version</c> is absent (AWS then reads it as <c>2008-10-17</c>).</summary>
    public string? Version { get; init; }

    /// <summary>The optional <c>Id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>What the policy is attached to.</summary>
    public required PolicyKind Kind { get; init; }

    /// <summary>The statements, in document order.</summary>
    public required ImmutableArray<PolicyStatement> Statements { get; init; }

    /// <summary>Where the document came from (a file, an ARN, a field of an account export): shown in traces and diagnostics.</summary>
    public required string Origin { get; init; }

    /// <summary>
    /// Whether <c>${…}</c> policy variables are replaced: only under version <c>2012-10-17</c>; under <c>2008-10-17</c>
    /// or no version they are literal text.
    /// </summary>
    public bool SupportsVariables => Version == PolicyParser.Version2012;

    /// <summary>
    /// Parses <paramref name="json"/>. Every problem is reported to <paramref name="diagnostics"/> with a JSON path into
    /// the document; the result is null when there are errors.
    /// </summary>
    public static PolicyDocument? Parse(string json, string origin, PolicyKind kind, IDiagnosticSink diagnostics) =>
        PolicyParser.Parse(json, origin, kind, diagnostics);
}
