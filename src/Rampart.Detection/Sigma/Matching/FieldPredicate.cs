using System.Collections.Immutable;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// One <c>field|modifiers: values</c> item: the field's values are collected once and the value tests
/// are linked with OR (or AND under <c>all</c>). With <c>neq</c> the item holds when the field is present
/// and the linked tests do not.
/// </summary>
internal sealed class FieldPredicate(FieldPath path, TextNormalization normalization, ImmutableArray<ValueTest> tests, bool matchAll, bool negate) : EventPredicate
{
    private readonly ValueTest[] _tests = [.. tests];

    public FieldPath Path { get; } = path;

    public TextNormalization Normalization { get; } = normalization;

    public ImmutableArray<ValueTest> Tests { get; } = tests;

    public bool MatchAll { get; } = matchAll;

    public bool Negate { get; } = negate;

    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch)
    {
        var values = scratch.ValuesOf(logEvent, Path);
        var result = TestValues.Link(_tests, MatchAll, values, logEvent, scratch);
        return Negate ? !values.IsEmpty && !result : result;
    }
}
