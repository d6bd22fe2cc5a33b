using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Indexing;

/// <summary>
/// Derives from a compiled condition the values an event must have for it to hold. Sound by
/// construction: a field item yields its exact values or prefixes only when it can match nothing else; an AND needs
/// any one operand's constraint; an OR needs all its operands constrained and takes their union;
/// negations, keywords and other tests yield nothing.
/// </summary>
internal static class ConstraintExtractor
{
    // Shorter prefixes tell too few values apart to be worth keying on.
    private const int MinPrefixLength = 3;

    /// <summary>
    /// Every constraint the rule could be keyed on: one per operand of a top-level AND, and of the ANDs within it
    /// (each is required on its own), or the single constraint of anything else. Empty when there is none.
    /// </summary>
    public static List<IndexConstraint> Alternatives(EventPredicate predicate)
    {
        var alternatives = new List<IndexConstraint>();
        AddAlternatives(predicate, alternatives);
        return alternatives;
    }

    private static void AddAlternatives(EventPredicate predicate, List<IndexConstraint> alternatives)
    {
        if (predicate is AndPredicate and)
        {
            foreach (var operand in and.Operands)
                AddAlternatives(operand, alternatives);
        }
        else if (Extract(predicate) is { } constraint)
        {
            alternatives.Add(constraint);
        }
    }

    public static IndexConstraint? Extract(EventPredicate predicate) => predicate switch
    {
        FieldPredicate field => FromField(field),
        AndPredicate and => Best(and),
        OrPredicate or => Union(or),
        _ => null,
    };

    private static IndexConstraint? FromField(FieldPredicate field)
    {
        if (field.Negate || field.Tests.IsEmpty)
            return null;
        var key = new IndexField(field.Path.Name, field.Normalization);
        var constraint = new IndexConstraint();
        foreach (var test in field.Tests)
        {
            switch (test)
            {
                case TextPatternTest { Pattern.Kind: WildcardKind.Exact } text:
                    constraint.Add(key, text.Pattern.Text);
                    break;
                case TextPatternTest { Pattern.Kind: WildcardKind.Prefix } text when text.Pattern.Text.Length >= MinPrefixLength:
                    constraint.AddPrefix(key, text.Pattern.Text);
                    break;
                case ExactSetTest set:
                    foreach (var value in set.Values)
                        constraint.Add(key, value);
                    break;
                default:
                    return null;
            }
        }

        return constraint;
    }

    private static IndexConstraint? Best(AndPredicate and)
    {
        IndexConstraint? best = null;
        foreach (var operand in and.Operands)
        {
            var candidate = Extract(operand);
            if (candidate is not null && (best is null || candidate.Rank.CompareTo(best.Rank) < 0))
                best = candidate;
        }

        return best;
    }

    private static IndexConstraint? Union(OrPredicate or)
    {
        var union = new IndexConstraint();
        foreach (var operand in or.Operands)
        {
            var constraint = Extract(operand);
            if (constraint is null)
                return null;
            union.AddAll(constraint);
        }

        return union;
    }
}
