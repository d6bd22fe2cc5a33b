namespace Rampart.Detection.Sigma.LogSources;

/// <summary>What a rule runs over: a Rampart source type, through a field mapping for generic categories.</summary>
internal sealed record LogSourceTarget(string SourceType, CategoryMapping? Mapping)
{
    public FieldResolver Fields => Mapping is null ? FieldResolver.Identity : FieldResolver.For(Mapping);
}
