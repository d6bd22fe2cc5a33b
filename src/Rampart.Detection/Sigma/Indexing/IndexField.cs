using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Indexing;

/// <summary>A field an index looks up, with the normalisation its values are compared under.</summary>
internal readonly record struct IndexField(string Name, TextNormalization Normalization);
