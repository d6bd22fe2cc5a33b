using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>A modifier as written after a field name, with where it was written.</summary>
internal readonly record struct Modifier(ModifierKind Kind, string Name, SourceLocation Location);
