using Rampart.Detection.Sigma.Conditions;
using Rampart.Detection.Sigma.Loading;
using Rampart.Detection.Sigma.Matching;
using Rampart.Detection.Sigma.Searches;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>
/// Compiles a rule's <c>detection</c>: every search identifier, then the condition (a list of
/// conditions is their OR). v1 aggregations (<c>| count()</c>, <c>| near</c>, <c>timeframe</c>) are
/// reported as unsupported and skip the rule; the search identifiers are still checked.
/// </summary>
internal static class DetectionCompiler
{
    public static EventPredicate? Compile(YamlMappingNode detection, RuleContext context)
    {
        var identifiers = new List<SearchIdentifier>();
        YamlNode? conditionNode = null;
        YamlNode? timeframeNode = null;
        foreach (var entry in detection.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                context.Report(SigmaDiagnostics.InvalidSearchIdentifierError(context.Source.At(entry.Key), (entry.Key as YamlScalarNode)?.Value ?? "?"));
                continue;
            }

            switch (name)
            {
                case "condition":
                    conditionNode = entry.Value;
                    break;
                case "timeframe":
                    timeframeNode = entry.Value;
                    break;
                default:
                    identifiers.Add(new SearchIdentifier(name, SearchCompiler.Compile(name, entry.Value, context)));
                    break;
            }
        }

        if (identifiers.Count == 0)
            context.Report(SigmaDiagnostics.NoSearchIdentifiersError(context.Source.At(detection)));
        if (conditionNode is null)
        {
            context.Report(SigmaDiagnostics.MissingAttributeError(context.Source.At(detection), "condition"));
            return null;
        }

        var conditions = ReadConditions(conditionNode, context);
        if (conditions is null || identifiers.Count == 0 || IsAggregation(conditions, timeframeNode, context))
            return null;

        var predicates = new List<EventPredicate>(conditions.Count);
        foreach (var condition in conditions)
        {
            var text = condition.Value ?? string.Empty;
            var tree = ConditionParser.Parse(text, context.Options.MaxConditionDepth, out var error);
            if (error is not null)
            {
                var at = context.Source.At(condition, error.Offset);
                context.Report(error.TooDeep
                    ? SigmaDiagnostics.ConditionTooDeepError(at, context.Options.MaxConditionDepth)
                    : SigmaDiagnostics.ConditionSyntaxError(at, error.Message));
                continue;
            }

            var predicate = new ConditionCompiler(identifiers, condition, context).Compile(tree!);
            if (predicate is not null)
                predicates.Add(predicate);
        }

        if (predicates.Count != conditions.Count)
            return null;
        return predicates.Count == 1 ? predicates[0] : new OrPredicate([.. predicates]);
    }

    private static List<YamlScalarNode>? ReadConditions(YamlNode node, RuleContext context)
    {
        if (node is YamlScalarNode scalar && !YamlMaps.IsNull(scalar))
            return [scalar];
        if (node is YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            var conditions = new List<YamlScalarNode>(sequence.Children.Count);
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode itemScalar && !YamlMaps.IsNull(itemScalar))
                    conditions.Add(itemScalar);
                else
                    context.Report(SigmaDiagnostics.WrongTypeError(context.Source.At(item), "condition", "a string or a list of strings"));
            }

            return conditions.Count == sequence.Children.Count ? conditions : null;
        }

        context.Report(SigmaDiagnostics.WrongTypeError(context.Source.At(node), "condition", "a string or a list of strings"));
        return null;
    }

    private static bool IsAggregation(List<YamlScalarNode> conditions, YamlNode? timeframe, RuleContext context)
    {
        foreach (var condition in conditions)
        {
            var text = condition.Value ?? string.Empty;
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
                continue;
            context.Report(SigmaDiagnostics.UnsupportedAggregationWarning(context.Source.At(condition, bar), $"v1 aggregation '{text[bar..].Trim()}'"));
            context.Skipped = true;
            return true;
        }

        if (timeframe is null)
            return false;
        var value = (timeframe as YamlScalarNode)?.Value ?? string.Empty;
        context.Report(SigmaDiagnostics.UnsupportedAggregationWarning(context.Source.At(timeframe), $"v1 'timeframe: {value}' correlates events over time"));
        context.Skipped = true;
        return true;
    }
}
