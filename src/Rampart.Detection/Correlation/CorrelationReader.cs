using System.Collections.Immutable;
using System.Globalization;
using Rampart.Detection.Sigma;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Loading;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Correlation;

/// <summary>
/// Reads and checks a correlation document. Every problem is reported with its location; a correlation with an
/// error is rejected, the rest of its file still loads.
/// </summary>
internal static class CorrelationReader
{
    public static SigmaCorrelation? Read(YamlMappingNode root, string generatedId, RuleContext context)
    {
        var source = context.Source;
        var title = MetadataReader.ReadRequiredString(root, "title", context);
        var id = MetadataReader.ReadId(root, generatedId, context);
        var (level, severity) = MetadataReader.ReadLevel(root, context);
        if (YamlMaps.Get(root, "correlation") is not YamlMappingNode body)
        {
            context.Report(SigmaDiagnostics.InvalidCorrelationError(source.At(YamlMaps.Get(root, "correlation") ?? root), "'correlation' must be a mapping with type, rules, group-by, timespan and condition."));
            return null;
        }

        var type = ReadType(body, context);
        var rules = ReadRules(body, context);
        var groupBy = ReadGroupBy(body, context);
        var timespan = type == CorrelationType.NewValue ? ReadLearning(body, context) : ReadTimespan(body, context);
        var condition = type is { } known ? ReadCondition(body, known, context) : null;
        var aliases = ReadAliases(body, context);
        var generate = ReadGenerate(root, body, context);
        if (title is null || level is null || type is null || rules.IsDefault || timespan is null || context.Rejected)
            return null;
        return new SigmaCorrelation
        {
            Id = id,
            Title = title,
            Name = MetadataReader.ReadOptionalString(root, "name", context),
            Description = MetadataReader.ReadOptionalString(root, "description", context),
            Author = MetadataReader.ReadAuthor(root, context),
            Level = level,
            Severity = severity,
            Tags = MetadataReader.ReadStringList(root, "tags", context),
            FalsePositives = MetadataReader.ReadStringList(root, "falsepositives", context),
            Type = type.Value,
            Rules = rules,
            GroupBy = groupBy,
            Timespan = timespan.Value,
            Condition = condition,
            Aliases = aliases,
            Generate = generate,
            Location = source.At(root),
        };
    }

    private static CorrelationType? ReadType(YamlMappingNode body, RuleContext context)
    {
        var node = YamlMaps.Get(body, "type");
        CorrelationType? type = (node as YamlScalarNode)?.Value switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            "value_sum" => CorrelationType.ValueSum,
            "value_avg" => CorrelationType.ValueAverage,
            "value_percentile" => CorrelationType.ValuePercentile,
            "new_value" => CorrelationType.NewValue,
            _ => null,
        };
        if (type is null)
        {
            var at = context.Source.At(node ?? body);
            context.Report(SigmaDiagnostics.InvalidCorrelationError(at, node is null
                ? "'type' is missing; expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile or (Rampart's extension) new_value."
                : $"unknown type '{(node as YamlScalarNode)?.Value}'; expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile or (Rampart's extension) new_value."));
        }

        return type;
    }

    private static ImmutableArray<string> ReadRules(YamlMappingNode body, RuleContext context)
    {
        var node = YamlMaps.Get(body, "rules");
        var rules = NameList(node);
        if (rules.IsDefaultOrEmpty)
        {
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node ?? body), "'rules' must list the ids or names of the rules correlated."));
            return default;
        }

        return rules;
    }

    private static ImmutableArray<string> ReadGroupBy(YamlMappingNode body, RuleContext context)
    {
        var node = YamlMaps.Get(body, "group-by");
        if (node is null)
            return [];
        var fields = NameList(node);
        if (!fields.IsDefault)
            return fields;
        context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "'group-by' must be a list of field names."));
        return [];
    }

    // One non-empty name, or a list of them; default for anything else.
    private static ImmutableArray<string> NameList(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } single } => [single],
        YamlSequenceNode list when list.Children.All(item => item is YamlScalarNode { Value.Length: > 0 }) =>
            [.. list.Children.Select(item => ((YamlScalarNode)item).Value!)],
        _ => default,
    };

    /// <summary>The default learning period of <c>new_value</c>: a week, so that weekly routines are learned.</summary>
    public static readonly TimeSpan DefaultLearning = TimeSpan.FromDays(7);

    // new_value learns each group for 'learning' (or 'timespan') from its first match; a week when neither is given.
    private static TimeSpan? ReadLearning(YamlMappingNode body, RuleContext context)
    {
        var node = YamlMaps.Get(body, "learning") ?? YamlMaps.Get(body, "timespan");
        if (node is null)
            return DefaultLearning;
        if (node is YamlScalarNode { Value: { } text } && TryParseTimespan(text, out var span))
            return span;
        context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), $"'{(node as YamlScalarNode)?.Value}' is not a learning period; write a number and a unit, such as 7d or 2w."));
        return null;
    }

    private static TimeSpan? ReadTimespan(YamlMappingNode body, RuleContext context)
    {
        // 'timeframe' is the name Sigma v1 aggregations used; some correlations still carry it.
        var node = YamlMaps.Get(body, "timespan") ?? YamlMaps.Get(body, "timeframe");
        if (node is YamlScalarNode { Value: { } text } && TryParseTimespan(text, out var span))
            return span;
        context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node ?? body), node is null
            ? "'timespan' is missing; write a number and a unit, such as 90s, 5m, 1h or 7d."
            : $"'{(node as YamlScalarNode)?.Value}' is not a timespan; write a number and a unit, such as 90s, 5m, 1h or 7d."));
        return null;
    }

    /// <summary>Parses Sigma's <c>number + unit</c> timespans: s, m, h, d (and w for weeks, M for months of 30 days, y of 365).</summary>
    public static bool TryParseTimespan(string text, out TimeSpan span)
    {
        span = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return false;
        double? seconds = text[^1] switch
        {
            's' => number,
            'm' => number * 60.0,
            'h' => number * 3600.0,
            'd' => number * 86400.0,
            'w' => number * 7 * 86400.0,
            'M' => number * 30 * 86400.0,
            'y' => number * 365 * 86400.0,
            _ => null,
        };
        if (seconds is not { } s || s > TimeSpan.MaxValue.TotalSeconds / 2)
            return false;
        span = TimeSpan.FromSeconds(s);
        return true;
    }

    private static CorrelationCondition? ReadCondition(YamlMappingNode body, CorrelationType type, RuleContext context)
    {
        var node = YamlMaps.Get(body, "condition");
        var temporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        if (node is null)
        {
            if (!temporal)
                context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(body), "'condition' is missing; give a bound such as 'gte: 10'."));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "'condition' must be a mapping of bounds (gt, gte, lt, lte, eq) and, for value rules, 'field'."));
            return null;
        }

        var bounds = ImmutableArray.CreateBuilder<CorrelationBound>();
        string? field = null;
        var transform = ValueTransform.None;
        double? percentile = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var value = (valueNode as YamlScalarNode)?.Value;
            CorrelationOperator? op = key switch
            {
                "gt" => CorrelationOperator.GreaterThan,
                "gte" => CorrelationOperator.GreaterThanOrEqual,
                "lt" => CorrelationOperator.LessThan,
                "lte" => CorrelationOperator.LessThanOrEqual,
                "eq" => CorrelationOperator.Equal,
                _ => null,
            };
            if (op is { } comparison)
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    bounds.Add(new CorrelationBound(comparison, number));
                else
                    context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(valueNode), $"'{key}' needs a number, not '{value}'."));
            }
            else if (key == "field" && value is { Length: > 0 })
            {
                field = value;
                var bar = value.IndexOf('|', StringComparison.Ordinal);
                if (bar >= 0)
                {
                    field = value[..bar];
                    transform = value[(bar + 1)..] switch
                    {
                        "network" => ValueTransform.Network,
                        "country" => ValueTransform.Country,
                        "asn" => ValueTransform.Asn,
                        "product" => ValueTransform.Product,
                        _ => ValueTransform.None,
                    };
                    if (transform == ValueTransform.None || type != CorrelationType.NewValue || field.Length == 0)
                        context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(valueNode), $"'{value}': only new_value correlations take a transform after the field, one of network, country, asn or product."));
                }
            }
            else if (key == "percentile" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rank) && rank is >= 0 and <= 100)
            {
                percentile = rank;
            }
            else
            {
                context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(keyNode), $"'{key}' is not a condition key; expected gt, gte, lt, lte, eq, field or (for value_percentile) percentile from 0 to 100."));
            }
        }

        if (bounds.Count == 0 && type != CorrelationType.NewValue)
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "the condition has no bound (gt, gte, lt, lte or eq)."));
        if (bounds.Count > 0 && type == CorrelationType.NewValue)
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "a new_value correlation takes only 'field' in its condition: it fires on each value new to its group."));
        var needsField = type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAverage or CorrelationType.ValuePercentile or CorrelationType.NewValue;
        if (needsField && field is null)
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), $"a {Name(type)} correlation needs the 'field' whose values it measures."));
        if (type == CorrelationType.ValuePercentile && percentile is null)
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "a value_percentile correlation needs 'percentile', from 0 to 100."));
        return new CorrelationCondition(bounds.ToImmutable(), field, percentile) { Transform = transform };
    }

    private static ImmutableDictionary<string, ImmutableDictionary<string, string>> ReadAliases(YamlMappingNode body, RuleContext context)
    {
        var node = YamlMaps.Get(body, "aliases");
        var aliases = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        if (node is null)
            return aliases.ToImmutable();
        if (node is not YamlMappingNode map)
        {
            context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "'aliases' must map each alias to a mapping of rule name to field name."));
            return aliases.ToImmutable();
        }

        foreach (var (aliasNode, fieldsNode) in map.Children)
        {
            if (aliasNode is not YamlScalarNode { Value: { Length: > 0 } alias } || fieldsNode is not YamlMappingNode fields
                || !fields.Children.All(pair => pair.Key is YamlScalarNode { Value.Length: > 0 } && pair.Value is YamlScalarNode { Value.Length: > 0 }))
            {
                context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(aliasNode), "each alias must map rule names to field names."));
                continue;
            }

            aliases[alias] = fields.Children.ToImmutableDictionary(
                pair => ((YamlScalarNode)pair.Key).Value!,
                pair => ((YamlScalarNode)pair.Value).Value!,
                StringComparer.Ordinal);
        }

        return aliases.ToImmutable();
    }

    private static bool ReadGenerate(YamlMappingNode root, YamlMappingNode body, RuleContext context)
    {
        // The specification puts 'generate' beside 'correlation'; inside it is accepted too.
        var node = YamlMaps.Get(body, "generate") ?? YamlMaps.Get(root, "generate");
        if (node is null)
            return false;
        if (node is YamlScalarNode { Value: "true" or "True" or "yes" })
            return true;
        if (node is YamlScalarNode { Value: "false" or "False" or "no" })
            return false;
        context.Report(SigmaDiagnostics.InvalidCorrelationError(context.Source.At(node), "'generate' must be true or false."));
        return false;
    }

    internal static string Name(CorrelationType type) => CorrelationTypeNames.Of(type);
}

/// <summary>The names correlation types have in rules.</summary>
public static class CorrelationTypeNames
{
    /// <summary>The name of <paramref name="type"/> as rules write it, such as <c>event_count</c>.</summary>
    public static string Of(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAverage => "value_avg",
        CorrelationType.NewValue => "new_value",
        _ => "value_percentile",
    };
}
