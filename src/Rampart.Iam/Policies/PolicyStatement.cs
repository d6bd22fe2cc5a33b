using System.Collections.Immutable;
using System.Globalization;

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

    /// <summary>Whether <c>Action</c> or <c>NotAction</c> was written as a list rather than a single string.</summary>
    public bool ActionIsList { get; init; }

    /// <summary>The <c>Resource</c> or <c>NotResource</c> patterns; empty when the statement names none (trust policies).</summary>
    public ImmutableArray<string> Resources { get; init; } = [];

    /// <summary>Whether <see cref="Resources"/> came from <c>NotResource</c>.</summary>
    public bool IsNotResource { get; init; }

    /// <summary>Whether the statement has a <c>Resource</c> or <c>NotResource</c> element.</summary>
    public bool HasResource { get; init; }

    /// <summary>Whether <c>Resource</c> or <c>NotResource</c> was written as a list rather than a single string.</summary>
    public bool ResourceIsList { get; init; }

    /// <summary>Every condition; all must hold.</summary>
    public ImmutableArray<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>The statement's index in the document (0-based).</summary>
    public int Index { get; init; }

    /// <summary>The JSON path of the statement in the document, such as <c>$.Statement[2]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The JSON path of the <c>Action</c> or <c>NotAction</c> element, such as <c>$.Statement[2].NotAction</c>.</summary>
    public string ActionElementPath => Path + (IsNotAction ? ".NotAction" : ".Action");

    /// <summary>The JSON path of the <c>Resource</c> or <c>NotResource</c> element, such as <c>$.Statement[2].Resource</c>.</summary>
    public string ResourceElementPath => Path + (IsNotResource ? ".NotResource" : ".Resource");

    /// <summary>The JSON path of one action, such as <c>$.Statement[2].Action[1]</c>, or of the element when it is a single string.</summary>
    /// <param name="index">The action's index in <see cref="Actions"/>.</param>
    public string ActionPath(int index) => ActionIsList ? ActionElementPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : ActionElementPath;

    /// <summary>The JSON path of one resource, such as <c>$.Statement[2].Resource[0]</c>, or of the element when it is a single string.</summary>
    /// <param name="index">The resource's index in <see cref="Resources"/>.</param>
    public string ResourcePath(int index) => ResourceIsList ? ResourceElementPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : ResourceElementPath;
}
