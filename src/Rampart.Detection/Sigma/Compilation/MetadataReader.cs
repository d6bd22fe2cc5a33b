using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Detection.Sigma.Loading;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>
/// Reads and checks a rule's metadata. Missing or malformed required parts (title, logsource, detection)
/// and an unknown level reject the rule; problems with optional metadata are warnings and the value is
/// read as well as it can be.
/// </summary>
internal static partial class MetadataReader
{
    private const int MaxTitleLength = 256;

    public static SigmaRule? Read(YamlMappingNode root, string generatedId, RuleContext context)
    {
        var source = context.Source;
        var title = ReadRequiredString(root, "title", context);
        if (title is not null && title.Length > MaxTitleLength)
            context.Report(SigmaDiagnostics.TitleTooLongWarning(source.At(YamlMaps.Get(root, "title")!), title.Length));

        var id = ReadId(root, generatedId, context);
        var logSource = ReadLogSource(root, context);
        if (!YamlMaps.TryGet(root, "detection", out _, out var detection))
            context.Report(SigmaDiagnostics.MissingAttributeError(source.At(root), "detection"));
        else if (detection is not YamlMappingNode)
            context.Report(SigmaDiagnostics.WrongTypeError(source.At(detection), "detection", "a mapping of search identifiers and a condition"));

        var (level, severity) = ReadLevel(root, context);
        var status = ReadOptionalString(root, "status", context);
        if (status is not null && status is not ("stable" or "test" or "experimental" or "deprecated" or "unsupported"))
            context.Report(SigmaDiagnostics.InvalidStatusWarning(source.At(YamlMaps.Get(root, "status")!), status));

        var tags = ReadStringList(root, "tags", context);
        if (YamlMaps.Get(root, "tags") is YamlSequenceNode tagNodes)
        {
            foreach (var node in tagNodes.Children)
            {
                if (node is YamlScalarNode { Value: { } tag } && !TagPattern().IsMatch(tag))
                    context.Report(SigmaDiagnostics.InvalidTagWarning(source.At(node), tag));
            }
        }

        if (title is null || logSource is null || level is null || context.Rejected)
            return null;
        return new SigmaRule
        {
            Id = id,
            Title = title,
            Name = ReadOptionalString(root, "name", context),
            Taxonomy = ReadOptionalString(root, "taxonomy", context),
            Status = status,
            Description = ReadOptionalString(root, "description", context),
            Author = ReadAuthor(root, context),
            License = ReadOptionalString(root, "license", context),
            Level = level,
            Severity = severity,
            Tags = tags,
            References = ReadStringList(root, "references", context),
            FalsePositives = ReadStringList(root, "falsepositives", context),
            Fields = ReadStringList(root, "fields", context),
            Scope = ReadStringList(root, "scope", context),
            Related = ReadRelated(root, context),
            LogSource = logSource,
            SourceType = string.Empty,
            Location = source.At(root),
            Date = ReadDate(root, "date", context),
            Modified = ReadDate(root, "modified", context),
        };
    }

    internal static string? ReadRequiredString(YamlMappingNode root, string name, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, name, out _, out var node) || YamlMaps.IsNull(node))
        {
            context.Report(SigmaDiagnostics.MissingAttributeError(context.Source.At(root), name));
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return value;
        context.Report(SigmaDiagnostics.WrongTypeError(context.Source.At(node), name, "a non-empty string"));
        return null;
    }

    internal static string? ReadOptionalString(YamlMappingNode root, string name, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, name, out _, out var node) || YamlMaps.IsNull(node))
            return null;
        if (node is YamlScalarNode scalar)
            return scalar.Value;
        context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(node), name, "a string", "it is ignored"));
        return null;
    }

    internal static string ReadId(YamlMappingNode root, string generatedId, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, "id", out _, out var node) || YamlMaps.IsNull(node))
        {
            context.Report(SigmaDiagnostics.MissingIdWarning(context.Source.At(root), generatedId));
            return generatedId;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } id })
        {
            context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(node), "id", "a UUID", $"Rampart calls the rule '{generatedId}'"));
            return generatedId;
        }

        if (!Guid.TryParseExact(id, "D", out _))
            context.Report(SigmaDiagnostics.InvalidIdWarning(context.Source.At(node), id));
        return id;
    }

    private static SigmaLogSource? ReadLogSource(YamlMappingNode root, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, "logsource", out _, out var node) || YamlMaps.IsNull(node))
        {
            context.Report(SigmaDiagnostics.MissingAttributeError(context.Source.At(root), "logsource"));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            context.Report(SigmaDiagnostics.WrongTypeError(context.Source.At(node), "logsource", "a mapping with product, category or service"));
            return null;
        }

        return new SigmaLogSource(
            ReadOptionalString(map, "product", context),
            ReadOptionalString(map, "category", context),
            ReadOptionalString(map, "service", context),
            ReadOptionalString(map, "definition", context));
    }

    internal static (string? Level, Severity Severity) ReadLevel(YamlMappingNode root, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, "level", out _, out var node) || YamlMaps.IsNull(node))
        {
            context.Report(SigmaDiagnostics.MissingLevelInfo(context.Source.At(root)));
            return ("medium", Severity.Medium);
        }

        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        Severity? severity = text switch
        {
            "informational" => Severity.Informational,
            "low" => Severity.Low,
            "medium" => Severity.Medium,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            _ => null,
        };
        if (severity is null)
        {
            context.Report(SigmaDiagnostics.InvalidLevelError(context.Source.At(node), text));
            return (null, Severity.Medium);
        }

        return (text, severity.Value);
    }

    internal static string? ReadAuthor(YamlMappingNode root, RuleContext context)
    {
        if (YamlMaps.Get(root, "author") is YamlSequenceNode authors)
        {
            var names = new List<string>();
            foreach (var item in authors.Children)
            {
                if (item is YamlScalarNode { Value: { } name })
                    names.Add(name);
            }

            context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(authors), "author", "a string of comma-separated names", "the list is read as one"));
            return string.Join(", ", names);
        }

        return ReadOptionalString(root, "author", context);
    }

    internal static ImmutableArray<string> ReadStringList(YamlMappingNode root, string name, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, name, out _, out var node) || YamlMaps.IsNull(node))
            return [];
        if (node is YamlScalarNode { Value: { } single })
        {
            // falsepositives may be a single string by the schema; elsewhere a lone string is tolerated.
            if (name != "falsepositives")
                context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(node), name, "a list of strings", "the string is read as a list of one"));
            return [single];
        }

        if (node is not YamlSequenceNode sequence)
        {
            context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(node), name, "a list of strings", "it is ignored"));
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !YamlMaps.IsNull(item))
                items.Add(text);
            else
                context.Report(SigmaDiagnostics.WrongOptionalTypeWarning(context.Source.At(item), name, "a list of strings", "this entry is ignored"));
        }

        return items.ToImmutable();
    }

    private static ImmutableArray<SigmaRelatedRule> ReadRelated(YamlMappingNode root, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, "related", out _, out var node) || YamlMaps.IsNull(node))
            return [];
        if (node is not YamlSequenceNode sequence)
        {
            context.Report(SigmaDiagnostics.InvalidRelatedWarning(context.Source.At(node), "'related' must be a list of {id, type} entries"));
            return [];
        }

        var related = ImmutableArray.CreateBuilder<SigmaRelatedRule>();
        foreach (var item in sequence.Children)
        {
            var id = item is YamlMappingNode map ? (YamlMaps.Get(map, "id") as YamlScalarNode)?.Value : null;
            var type = item is YamlMappingNode map2 ? (YamlMaps.Get(map2, "type") as YamlScalarNode)?.Value : null;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
            {
                context.Report(SigmaDiagnostics.InvalidRelatedWarning(context.Source.At(item), "an entry needs an id and a type"));
                continue;
            }

            if (type is not ("derived" or "obsolete" or "merged" or "renamed" or "similar"))
            {
                context.Report(SigmaDiagnostics.InvalidRelatedWarning(context.Source.At(item), $"type '{type}' is not one of derived, obsolete, merged, renamed, similar"));
                continue;
            }

            related.Add(new SigmaRelatedRule(id, type));
        }

        return related.ToImmutable();
    }

    private static DateOnly? ReadDate(YamlMappingNode root, string name, RuleContext context)
    {
        if (!YamlMaps.TryGet(root, name, out _, out var node) || YamlMaps.IsNull(node))
            return null;
        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        string[] formats = ["yyyy-MM-dd", "yyyy/MM/dd"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        context.Report(SigmaDiagnostics.InvalidDateWarning(context.Source.At(node), name, text));
        return null;
    }

    [GeneratedRegex("^[a-z0-9_-]+\\.[a-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
