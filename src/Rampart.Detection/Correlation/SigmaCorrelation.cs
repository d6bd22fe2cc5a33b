using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Correlation;

/// <summary>
/// A Sigma correlation rule: it fires when the events other rules matched, grouped by field values, meet a
/// condition within a span of event time. It may refer to detection rules and to other correlations (chaining).
/// </summary>
public sealed record SigmaCorrelation
{
    /// <summary>The rule's <c>id</c>, or <c>file-name#document</c> when it has none.</summary>
    public required string Id { get; init; }

    /// <summary>The rule's <c>title</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The optional unique <c>name</c> other correlations may refer to.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>author</c>.</summary>
    public string? Author { get; init; }

    /// <summary>The <c>level</c>, lower case; <c>medium</c> when absent.</summary>
    public required string Level { get; init; }

    /// <summary>The <see cref="Level"/> as a severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>The <c>tags</c>.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The <c>falsepositives</c>.</summary>
    public ImmutableArray<string> FalsePositives { get; init; } = [];

    /// <summary>What is measured.</summary>
    public required CorrelationType Type { get; init; }

    /// <summary>The <c>rules</c> referred to, by id or name, as written.</summary>
    public required ImmutableArray<string> Rules { get; init; }

    /// <summary>The <c>group-by</c> fields (or aliases); empty means one group for everything.</summary>
    public ImmutableArray<string> GroupBy { get; init; } = [];

    /// <summary>The <c>timespan</c>.</summary>
    public required TimeSpan Timespan { get; init; }

    /// <summary>The <c>condition</c>; for temporal rules without one, every referenced rule must match.</summary>
    public CorrelationCondition? Condition { get; init; }

    /// <summary>The <c>aliases</c>: alias → (rule name → field name in that rule's events).</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Aliases { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    /// <summary>The <c>generate</c> flag: whether the referenced rules also report their own matches.</summary>
    public bool Generate { get; init; }

    /// <summary>Where the rule's document starts.</summary>
    public SourceLocation Location { get; init; }
}
