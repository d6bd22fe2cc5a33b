using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma.Loading;
using Rampart.Detection.Sigma.LogSources;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>
/// Compiles one rule document. All of it is checked, whatever its log source, so that validation reports
/// every problem; only rules for a source Rampart reads are returned.
/// </summary>
internal static class RuleCompiler
{
    public static CompiledRule? Compile(YamlMappingNode root, YamlSource source, string generatedId, SigmaOptions options, List<Diagnostic> diagnostics)
    {
        var context = new RuleContext(source, options, diagnostics);
        var rule = MetadataReader.Read(root, generatedId, context);
        var target = PeekLogSource(root) is { } logSource ? LogSourceResolver.Resolve(logSource) : null;
        context.Fields = target?.Fields ?? FieldResolver.Identity;
        context.ForExecution = target is not null && rule is not null;

        var detection = YamlMaps.Get(root, "detection") as YamlMappingNode;
        var predicate = detection is null ? null : DetectionCompiler.Compile(detection, context);
        if (rule is null || predicate is null || context.Rejected || context.Skipped)
            return null;
        if (target is null)
        {
            context.Report(SigmaDiagnostics.LogSourceSkippedInfo(source.At(YamlMaps.Get(root, "logsource")!), LogSourceResolver.Describe(rule.LogSource)));
            return null;
        }

        return new CompiledRule(rule with { SourceType = target.SourceType }, predicate) { IntelProbes = [.. context.IntelProbes] };
    }

    private static SigmaLogSource? PeekLogSource(YamlMappingNode root)
    {
        if (YamlMaps.Get(root, "logsource") is not YamlMappingNode map)
            return null;
        return new SigmaLogSource(Text(map, "product"), Text(map, "category"), Text(map, "service"), null);

        static string? Text(YamlMappingNode map, string key) =>
            YamlMaps.Get(map, key) is YamlScalarNode scalar && !YamlMaps.IsNull(scalar) ? scalar.Value : null;
    }
}
