using System.Collections.Immutable;

namespace Rampart.Iam.Policies;

/// <summary>One statement of a policy document, as written.</summary>
public sealed record PolicyStatement
{
    /// <summary>The statement's <c>Sid</c>, if any.</summary>
    public string? Sid { get; init; }

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>The <c>Principal</c> or <c>NotPrincipal</c>; null when the statement names none.</summary>
    public PrincipalSet? Principal { get; init; }

    /// <summary>Whether <see cref="Principal"/> came from <c>NotPrincipal</c>.</summary>
    public bool IsNotPrincipal { get; init; }

    /// <summary>The <c>Action</c> or <c>NotAction</c> patterns.</summary>
    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>Whether <see cref="Actions"/> came from <c>NotAction</c>.</summary>
    public bool IsNotAction { get; init; }

    /// <summary>The <c>Resource</c> or <c>NotResource</c> patterns; empty when the statement names none (trust policies).</summary>
    public ImmutableArray<string> Resources { get; init; } = [];

    /// <summary>Whether <see cref="Resources"/> came from <c>NotResource</c>.</summary>
    public bool IsNotResource { get; init; }

    /// <summary>Whether the statement has a <c>Resource</c> or <c>NotResource</c> element.</summary>
    public bool HasResource { get; init; }

    /// <summary>Every condition; all must hold.</summary>
    public ImmutableArray<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>The statement's index in the document (0-based).</summary>
    public int Index { get; init; }

    /// <summary>The JSON path of the statement in the document, such as <c>$.Statement[2]</c>.</summary>
    public required string Path { get; init; }
}
