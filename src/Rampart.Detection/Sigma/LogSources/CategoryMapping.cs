using System.Collections.Frozen;

namespace Rampart.Detection.Sigma.LogSources;

/// <summary>A generic Sigma log source category run over one Rampart source type through a field mapping.</summary>
/// <param name="Category">The Sigma category, such as <c>dns</c>.</param>
/// <param name="SourceType">The Rampart source type the category runs over.</param>
/// <param name="Fields">Generic field name to source field.</param>
/// <param name="Native">The source's own field names, which generic rules may also use unchanged.</param>
internal sealed record CategoryMapping(string Category, string SourceType, FrozenDictionary<string, MappedField> Fields, FrozenSet<string> Native);
