using System.Collections.Immutable;
using Rampart.Core;

namespace Rampart.Hunting;

/// <summary>
/// What produced a hit: a Sigma rule, or an external detector such as GuardDuty. Carries the
/// attribution SigmaHQ's Detection Rule License asks for (title, id, author).
/// </summary>
public sealed record HitRule
{
    /// <summary>The rule's id (a Sigma UUID, or <c>guardduty:&lt;finding type&gt;</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The rule's title.</summary>
    public required string Title { get; init; }

    /// <summary>The level as the rule wrote it (<c>informational</c> … <c>critical</c>).</summary>
    public required string Level { get; init; }

    /// <summary>The level as a severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Tags such as <c>attack.t1562.008</c>.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The rule's author, for attribution.</summary>
    public string? Author { get; init; }

    /// <summary>The rule's licence, when it names one.</summary>
    public string? License { get; init; }

    /// <summary>Where the hit came from: <c>sigma</c> or <c>guardduty</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>The rule file, for Sigma rules.</summary>
    public string? Path { get; init; }

    /// <summary>The rule's description.</summary>
    public string? Description { get; init; }

    /// <summary>Reference links.</summary>
    public ImmutableArray<string> References { get; init; } = [];
}
