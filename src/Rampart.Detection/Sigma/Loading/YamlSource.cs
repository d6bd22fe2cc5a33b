using Rampart.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// Turns YAML marks into file locations. Each document of a file is parsed on its own, so its marks are
/// relative to the document and <paramref name="lineOffset"/> shifts them back; nodes merged in from
/// another document (v1 <c>action: global</c>) carry that document's offset in <paramref name="foreignOffsets"/>.
/// </summary>
internal sealed class YamlSource(
    string path,
    long lineOffset,
    IReadOnlyDictionary<YamlNode, long>? foreignOffsets = null,
    (YamlNode Node, YamlNode Original)? standIn = null)
{
    public string Path { get; } = path;

    public long LineOffset { get; } = lineOffset;

    /// <summary>The file as a whole, for problems without a better place.</summary>
    public SourceLocation File => new(Path);

    public SourceLocation At(YamlNode node)
    {
        // A mapping built by merging has no position of its own; it stands for the document it extends.
        if (standIn is { } pair && ReferenceEquals(node, pair.Node))
            node = pair.Original;
        return new(Path, node.Start.Line + OffsetOf(node), node.Start.Column);
    }

    public SourceLocation At(Mark mark) => new(Path, mark.Line + LineOffset, mark.Column);

    /// <summary>
    /// The location of the character at <paramref name="offset"/> in a scalar's value. Exact for scalars
    /// on one line (quoted scalars with escapes before the offset shift by the escapes' width); block and
    /// multi-line scalars fall back to the scalar's start.
    /// </summary>
    public SourceLocation At(YamlScalarNode node, int offset)
    {
        if (offset <= 0 || node.Start.Line != node.End.Line || node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            return At(node);
        var quote = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return new(Path, node.Start.Line + OffsetOf(node), node.Start.Column + quote + offset);
    }

    /// <summary>
    /// A source for <paramref name="merged"/>, the merge of <paramref name="otherRoot"/> (from
    /// <paramref name="other"/>'s document) into this document, whose own root is <paramref name="ownRoot"/>.
    /// </summary>
    public YamlSource MergedWith(YamlSource other, YamlNode otherRoot, YamlNode merged, YamlNode ownRoot)
    {
        var offsets = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        if (foreignOffsets is not null)
        {
            foreach (var pair in foreignOffsets)
                offsets[pair.Key] = pair.Value;
        }

        foreach (var node in otherRoot.AllNodes)
            offsets.TryAdd(node, other.OffsetOf(node));
        var original = standIn is { } own && ReferenceEquals(own.Node, ownRoot) ? own.Original : ownRoot;
        return new YamlSource(Path, LineOffset, offsets, (merged, original));
    }

    private long OffsetOf(YamlNode node) =>
        foreignOffsets is not null && foreignOffsets.TryGetValue(node, out var offset) ? offset : LineOffset;
}
