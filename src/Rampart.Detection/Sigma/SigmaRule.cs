using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Sigma;

/// <summary>
/// The metadata of a Sigma rule that compiled: what a hunt prints and attributes. SigmaHQ's Detection
/// Rule License asks that detections show the rule's <see cref="Title"/>, <see cref="Id"/> and
/// <see cref="Author"/>.
/// </summary>
public sealed record SigmaRule
{
    /// <summary>The rule's <c>id</c> (a UUID in well-formed rules). A rule without one gets <c>file-name#document</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The rule's <c>title</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The optional unique <c>name</c> correlation rules may refer to.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>taxonomy</c> the rule's field names follow; null means Sigma's default.</summary>
    public string? Taxonomy { get; init; }

    /// <summary>The <c>status</c>: <c>stable</c>, <c>test</c>, <c>experimental</c>, <c>deprecated</c> or <c>unsupported</c>; null when absent.</summary>
    public string? Status { get; init; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>author</c> (several authors are comma-separated).</summary>
    public string? Author { get; init; }

    /// <summary>The SPDX <c>license</c> id, when given.</summary>
    public string? License { get; init; }

    /// <summary>The <c>level</c> as written, lower case: <c>informational</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>. A rule without a level is <c>medium</c>.</summary>
    public required string Level { get; init; }

    /// <summary>The <see cref="Level"/> as a severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>The <c>tags</c>, such as <c>attack.t1078.004</c>.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The <c>references</c>.</summary>
    public ImmutableArray<string> References { get; init; } = [];

    /// <summary>The <c>falsepositives</c>.</summary>
    public ImmutableArray<string> FalsePositives { get; init; } = [];

    /// <summary>The <c>fields</c> worth showing to an analyst.</summary>
    public ImmutableArray<string> Fields { get; init; } = [];

    /// <summary>The <c>scope</c> entries.</summary>
    public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary>The <c>related</c> rules.</summary>
    public ImmutableArray<SigmaRelatedRule> Related { get; init; } = [];

    /// <summary>The <c>logsource</c> as written.</summary>
    public required SigmaLogSource LogSource { get; init; }

    /// <summary>The Rampart source type the rule runs over, one of <see cref="Core.Events.LogSourceTypes"/>.</summary>
    public required string SourceType { get; init; }

    /// <summary>Where the rule's document starts.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The creation <c>date</c>, when given and valid.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The <c>modified</c> date, when given and valid.</summary>
    public DateOnly? Modified { get; init; }
}
