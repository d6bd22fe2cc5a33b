using System.Globalization;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma.Loading;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>
/// Compiles every document of one rule file. Documents are parsed separately, so a broken one costs
/// only itself. v1 collections are honoured: <c>action: global</c> documents are merged into the
/// documents that follow, <c>action: reset</c> forgets them and <c>action: repeat</c> reuses the previous
/// document with changes. Correlation documents go to their own list; filter documents are recognised and
/// reported, not run.
/// </summary>
internal static class FileCompiler
{
    public static List<CompiledRule> Compile(string text, string path, SigmaOptions options, List<Diagnostic> diagnostics, List<SigmaCorrelation> correlations)
    {
        var rules = new List<CompiledRule>();
        (YamlMappingNode Root, YamlSource Source)? global = null;
        (YamlMappingNode Root, YamlSource Source)? previous = null;
        var number = 0;
        foreach (var document in YamlDocumentSplitter.Split(text))
        {
            var source = new YamlSource(path, document.FirstLine);
            var node = YamlDocumentParser.Parse(document, source, options, diagnostics);
            if (node is null || YamlMaps.IsNull(node))
                continue;
            number++;
            if (node is not YamlMappingNode root)
            {
                diagnostics.Add(SigmaDiagnostics.NotAMappingError(source.At(node)));
                continue;
            }

            if (YamlMaps.TryGet(root, "action", out var actionKey, out var actionNode))
            {
                var rest = Without(root, actionKey);
                source = source.MergedWith(source, rest, rest, root);
                switch ((actionNode as YamlScalarNode)?.Value)
                {
                    case "global":
                        global = global is { } existing ? Merge(existing, (rest, source)) : (rest, source);
                        continue;
                    case "reset":
                        global = null;
                        continue;
                    case "repeat" when previous is { } last:
                        (root, source) = Merge(last, (rest, source));
                        break;
                    case "repeat":
                        diagnostics.Add(SigmaDiagnostics.InvalidCollectionActionError(source.At(actionNode), "'action: repeat' needs a rule document before it to repeat."));
                        continue;
                    default:
                        diagnostics.Add(SigmaDiagnostics.InvalidCollectionActionError(source.At(actionNode), $"action '{(actionNode as YamlScalarNode)?.Value}' is not one of global, reset, repeat."));
                        continue;
                }
            }
            else if (global is { } shared)
            {
                (root, source) = Merge(shared, (root, source));
            }

            previous = (root, source);
            var generatedId = Path.GetFileName(path) + "#" + number.ToString(CultureInfo.InvariantCulture);
            if (YamlMaps.TryGet(root, "correlation", out _, out _))
            {
                if (CorrelationReader.Read(root, generatedId, new RuleContext(source, options, diagnostics)) is { } correlation)
                    correlations.Add(correlation);
                continue;
            }

            if (YamlMaps.TryGet(root, "filter", out var filterKey, out _) && YamlMaps.Get(root, "detection") is null)
            {
                diagnostics.Add(SigmaDiagnostics.FilterNotEvaluatedInfo(source.At(filterKey), TitleOf(root)));
                continue;
            }

            if (RuleCompiler.Compile(root, source, generatedId, options, diagnostics) is { } rule)
                rules.Add(rule);
        }

        return rules;
    }

    private static (YamlMappingNode Root, YamlSource Source) Merge((YamlMappingNode Root, YamlSource Source) baseDocument, (YamlMappingNode Root, YamlSource Source) overlay)
    {
        var merged = YamlMaps.Merge(baseDocument.Root, overlay.Root);
        return (merged, overlay.Source.MergedWith(baseDocument.Source, baseDocument.Root, merged, overlay.Root));
    }

    private static YamlMappingNode Without(YamlMappingNode map, YamlNode key)
    {
        var copy = new YamlMappingNode();
        foreach (var entry in map.Children)
        {
            if (!ReferenceEquals(entry.Key, key))
                copy.Children.Add(entry.Key, entry.Value);
        }

        return copy;
    }

    private static string TitleOf(YamlMappingNode root) => (YamlMaps.Get(root, "title") as YamlScalarNode)?.Value ?? "(untitled)";
}
