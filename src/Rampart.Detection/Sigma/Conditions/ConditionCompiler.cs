using System.Collections.Immutable;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Matching;
using Rampart.Detection.Sigma.Searches;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Conditions;

/// <summary>
/// Binds a parsed condition to the compiled search identifiers, producing the rule's predicate. Every
/// unknown identifier and empty pattern is reported, not just the first.
/// </summary>
internal sealed class ConditionCompiler(IReadOnlyList<SearchIdentifier> identifiers, YamlScalarNode conditionNode, RuleContext context)
{
    private bool _valid = true;

    public EventPredicate? Compile(ConditionNode node)
    {
        var predicate = Visit(node);
        return _valid ? predicate : null;
    }

    private EventPredicate? Visit(ConditionNode node) => node switch
    {
        ConditionAnd and => Combine(and.Operands, all: true),
        ConditionOr or => Combine(or.Operands, all: false),
        ConditionNot not => Visit(not.Operand) is { } operand ? new NotPredicate(operand) : null,
        ConditionIdentifier identifier => Lookup(identifier),
        ConditionQuantifier quantifier => Quantify(quantifier),
        _ => throw new InvalidOperationException($"Unknown condition node {node.GetType().Name}."),
    };

    private EventPredicate? Combine(ImmutableArray<ConditionNode> operands, bool all)
    {
        var compiled = ImmutableArray.CreateBuilder<EventPredicate>(operands.Length);
        foreach (var operand in operands)
        {
            if (Visit(operand) is { } predicate)
                compiled.Add(predicate);
        }

        if (compiled.Count != operands.Length)
            return null;
        return all ? new AndPredicate(compiled.MoveToImmutable()) : new OrPredicate(compiled.MoveToImmutable());
    }

    private EventPredicate? Lookup(ConditionIdentifier node)
    {
        foreach (var identifier in identifiers)
        {
            if (string.Equals(identifier.Name, node.Name, StringComparison.Ordinal))
                return identifier.Predicate;
        }

        context.Report(SigmaDiagnostics.UndefinedIdentifierError(context.Source.At(conditionNode, node.Offset), node.Name));
        _valid = false;
        return null;
    }

    private EventPredicate? Quantify(ConditionQuantifier node)
    {
        var pattern = node.Pattern is null ? null : Matching.WildcardPattern.Compile(SigmaPattern.FromParts(PatternParts(node.Pattern)), cased: true);
        var selected = ImmutableArray.CreateBuilder<EventPredicate>();
        var complete = true;
        foreach (var identifier in identifiers)
        {
            var included = pattern is null ? !identifier.Name.StartsWith('_') : pattern.IsMatch(identifier.Name);
            if (!included)
                continue;
            if (identifier.Predicate is null)
                complete = false;
            else
                selected.Add(identifier.Predicate);
        }

        if (selected.Count == 0 && complete)
        {
            context.Report(SigmaDiagnostics.PatternMatchesNothingError(context.Source.At(conditionNode, node.PatternOffset), node.Pattern ?? "them"));
            _valid = false;
            return null;
        }

        if (!complete)
            return null;
        if (selected.Count == 1)
            return selected[0];
        return node.Kind == QuantifierKind.All ? new AndPredicate(selected.ToImmutable()) : new OrPredicate(selected.ToImmutable());
    }

    /// <summary>Identifier patterns know only <c>*</c>; every other character is literal.</summary>
    private static IEnumerable<PatternPart> PatternParts(string pattern)
    {
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
                continue;
            if (i > start)
                yield return new PatternPart(PatternPartKind.Literal, pattern[start..i]);
            yield return PatternPart.AnyString;
            start = i + 1;
        }

        if (start < pattern.Length)
            yield return new PatternPart(PatternPartKind.Literal, pattern[start..]);
    }
}
