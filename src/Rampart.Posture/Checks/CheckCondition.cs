using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Checks;

/// <summary>A condition as written: <c>all</c>, <c>any</c>, <c>not</c>, a leaf, or a quantifier over a list.</summary>
internal abstract record CheckCondition(SourceLocation Location);

/// <summary><c>all: [...]</c>: every condition holds (true when empty).</summary>
internal sealed record AllCondition(SourceLocation Location, ImmutableArray<CheckCondition> Conditions) : CheckCondition(Location);

/// <summary><c>any: [...]</c>: at least one holds.</summary>
internal sealed record AnyCondition(SourceLocation Location, ImmutableArray<CheckCondition> Conditions) : CheckCondition(Location);

/// <summary><c>not: {...}</c>.</summary>
internal sealed record NotCondition(SourceLocation Location, CheckCondition Condition) : CheckCondition(Location);

/// <summary><c>{path, op, value}</c>.</summary>
internal sealed record LeafCondition(SourceLocation Location, CompiledPath Path, CheckOperator Operator, JsonElement Value) : CheckCondition(Location);

/// <summary><c>{path, each|some|none: condition}</c>, the condition's paths read from each element.</summary>
internal sealed record QuantifiedCondition(SourceLocation Location, CompiledPath Path, Quantifier Quantifier, CheckCondition Condition) : CheckCondition(Location);
