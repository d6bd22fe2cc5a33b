using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.LogSources;

/// <summary>Where a generic Sigma field is found in a Rampart source type, and how its text is normalised.</summary>
/// <param name="Field">The field name in the source's records (dotted for nested values).</param>
/// <param name="Normalization">The normalisation applied before comparing.</param>
internal sealed record MappedField(string Field, TextNormalization Normalization);
