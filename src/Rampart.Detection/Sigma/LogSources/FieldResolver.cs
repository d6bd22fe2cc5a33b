using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.LogSources;

/// <summary>Resolves the field names a rule writes into paths of the events it runs over.</summary>
internal sealed class FieldResolver
{
    private readonly CategoryMapping? _mapping;

    private FieldResolver(CategoryMapping? mapping) => _mapping = mapping;

    /// <summary>Fields are the events' own names (CloudTrail rules, and rules that will not run).</summary>
    public static FieldResolver Identity { get; } = new(null);

    public static FieldResolver For(CategoryMapping mapping) => new(mapping);

    public MappedField Resolve(string field, SourceLocation at, RuleContext context)
    {
        if (_mapping is null || _mapping.Native.Contains(field))
            return new MappedField(field, TextNormalization.None);
        if (_mapping.Fields.TryGetValue(field, out var mapped))
            return mapped;
        if (context.FirstReportOfField(field))
            context.Report(SigmaDiagnostics.UnmappedFieldWarning(at, field, _mapping.Category, _mapping.SourceType));
        return new MappedField(field, TextNormalization.None);
    }

    public static FieldPath PathOf(MappedField field) => FieldPath.Parse(field.Field);
}
