using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// Reads the values of <c>%placeholders%</c> from YAML: <c>{placeholders: {name: [values]}}</c> or a
/// flat <c>{name: [values]}</c>. A name may be written with or without its percent signs; a single
/// value may be written without a list.
/// </summary>
internal static class PlaceholderFileReader
{
    public static Dictionary<string, ImmutableArray<string>> Read(string path, SigmaOptions options, IDiagnosticSink sink)
    {
        var diagnostics = new List<Diagnostic>();
        var text = RuleFileText.Read(path, options.MaxFileBytes, diagnostics);
        var result = text is null ? new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase) : Parse(text, path, options, diagnostics);
        foreach (var diagnostic in diagnostics)
            sink.Report(diagnostic);
        return result;
    }

    public static Dictionary<string, ImmutableArray<string>> Parse(string text, string path, SigmaOptions options, List<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in YamlDocumentSplitter.Split(text))
        {
            var source = new YamlSource(path, document.FirstLine);
            var root = YamlDocumentParser.Parse(document, source, options, diagnostics);
            if (root is null || YamlMaps.IsNull(root))
                continue;
            if (root is not YamlMappingNode map)
            {
                diagnostics.Add(SigmaDiagnostics.InvalidPlaceholderFileError(source.At(root), "a placeholders file must be a mapping of placeholder names to lists of values."));
                continue;
            }

            if (YamlMaps.TryGet(map, "placeholders", out var keyNode, out var nested))
            {
                if (nested is YamlMappingNode nestedMap)
                    map = nestedMap;
                else if (!YamlMaps.IsNull(nested))
                {
                    diagnostics.Add(SigmaDiagnostics.InvalidPlaceholderFileError(source.At(keyNode), "'placeholders' must be a mapping of placeholder names to lists of values."));
                    continue;
                }
                else
                {
                    continue;
                }
            }

            foreach (var entry in map.Children)
                ReadEntry(entry.Key, entry.Value, source, result, diagnostics);
        }

        return result;
    }

    private static void ReadEntry(YamlNode key, YamlNode value, YamlSource source, Dictionary<string, ImmutableArray<string>> result, List<Diagnostic> diagnostics)
    {
        if (key is not YamlScalarNode { Value: { Length: > 0 } rawName })
        {
            diagnostics.Add(SigmaDiagnostics.InvalidPlaceholderFileError(source.At(key), "a placeholder name must be a plain string."));
            return;
        }

        var name = rawName.Length > 2 && rawName[0] == '%' && rawName[^1] == '%' ? rawName[1..^1] : rawName;
        var values = ImmutableArray.CreateBuilder<string>();
        switch (value)
        {
            case YamlScalarNode scalar when YamlMaps.IsNull(scalar):
                break;
            case YamlScalarNode scalar:
                values.Add(scalar.Value ?? string.Empty);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode itemScalar && !YamlMaps.IsNull(itemScalar))
                    {
                        values.Add(itemScalar.Value ?? string.Empty);
                    }
                    else
                    {
                        diagnostics.Add(SigmaDiagnostics.InvalidPlaceholderFileError(source.At(item), $"the values of placeholder '{name}' must be strings or numbers; this one is ignored."));
                    }
                }

                break;
            default:
                diagnostics.Add(SigmaDiagnostics.InvalidPlaceholderFileError(source.At(value), $"placeholder '{name}' must have a value or a list of values; it is ignored."));
                return;
        }

        result[name] = values.ToImmutable();
    }
}
