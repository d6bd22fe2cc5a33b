using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Loading;
using Rampart.Detection.Sigma.Matching;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// Compiles a search identifier: a mapping (its items ANDed), a list of mappings (ORed), or a list of
/// keywords (ORed, searched in the whole event). A list may mix mappings and keywords; each counts as
/// one alternative.
/// </summary>
internal static class SearchCompiler
{
    public static EventPredicate? Compile(string name, YamlNode node, RuleContext context)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return CompileMap(name, map, context);
            case YamlSequenceNode { Children.Count: > 0 } sequence:
                return CompileList(name, sequence, context);
            case YamlScalarNode scalar when !YamlMaps.IsNull(scalar):
                return ItemCompiler.CompileKeywords([RuleValue.From(scalar)], context);
            default:
                context.Report(SigmaDiagnostics.InvalidSearchIdentifierError(context.Source.At(node), name));
                return null;
        }
    }

    private static EventPredicate? CompileMap(string name, YamlMappingNode map, RuleContext context)
    {
        if (map.Children.Count == 0)
        {
            context.Report(SigmaDiagnostics.InvalidSearchIdentifierError(context.Source.At(map), name));
            return null;
        }

        var items = new List<EventPredicate>(map.Children.Count);
        var valid = true;
        foreach (var entry in map.Children)
        {
            if (entry.Key is not YamlScalarNode key)
            {
                context.Report(SigmaDiagnostics.InvalidSearchIdentifierError(context.Source.At(entry.Key), name));
                valid = false;
                continue;
            }

            var item = ItemCompiler.CompileField(key, entry.Value, context);
            if (item is null)
                valid = false;
            else
                items.Add(item);
        }

        if (!valid)
            return null;
        return items.Count == 1 ? items[0] : new AndPredicate([.. items]);
    }

    private static EventPredicate? CompileList(string name, YamlSequenceNode sequence, RuleContext context)
    {
        var alternatives = new List<EventPredicate>();
        var keywords = new List<RuleValue>();
        var valid = true;
        foreach (var item in sequence.Children)
        {
            switch (item)
            {
                case YamlMappingNode map:
                    var compiled = CompileMap(name, map, context);
                    if (compiled is null)
                        valid = false;
                    else
                        alternatives.Add(compiled);
                    break;
                case YamlScalarNode scalar:
                    keywords.Add(RuleValue.From(scalar));
                    break;
                default:
                    context.Report(SigmaDiagnostics.InvalidSearchIdentifierError(context.Source.At(item), name));
                    valid = false;
                    break;
            }
        }

        if (keywords.Count > 0)
        {
            var compiled = ItemCompiler.CompileKeywords(keywords, context);
            if (compiled is null)
                valid = false;
            else
                alternatives.Add(compiled);
        }

        if (!valid)
            return null;
        return alternatives.Count == 1 ? alternatives[0] : new OrPredicate([.. alternatives]);
    }
}
