namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// A collection still open while a document's shape is measured: its anchor, the nodes under it so far
/// (itself included, aliases expanded), and the height of its tallest child.
/// </summary>
internal readonly record struct YamlOpenCollection(string? Anchor, long Size = 1, int Height = 0);
