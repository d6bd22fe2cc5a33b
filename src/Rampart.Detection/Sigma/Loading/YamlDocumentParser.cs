using Rampart.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// Parses one YAML document into YamlDotNet's representation model, which keeps every node's line and
/// column. The document's shape is measured on the event stream first, because the representation
/// model and the walks over it recurse: nesting deeper than <see cref="SigmaOptions.MaxYamlDepth"/>,
/// aliases that refer to their own container (a cycle) and aliases that expand beyond
/// <see cref="SigmaOptions.MaxYamlNodes"/> nodes are refused before any node is built.
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>Returns the document's root, or null when the document is empty or was reported as broken.</summary>
    public static YamlNode? Parse(YamlDocumentText document, YamlSource source, SigmaOptions options, List<Diagnostic> diagnostics)
    {
        try
        {
            if (!CheckShape(document, source, options, diagnostics))
                return null;
            var stream = new YamlStream();
            stream.Load(document.OpenReader());
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            diagnostics.Add(SigmaDiagnostics.YamlSyntaxError(source.At(e.Start), Describe(e)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some malformed inputs instead of a YamlException.
            diagnostics.Add(SigmaDiagnostics.YamlSyntaxError(source.At(new Mark(0, 1, 1)), e.Message));
            return null;
        }
    }

    private static bool CheckShape(YamlDocumentText document, YamlSource source, SigmaOptions options, List<Diagnostic> diagnostics)
    {
        var parser = new Parser(document.OpenReader());
        var open = new List<YamlOpenCollection>();
        var anchors = new Dictionary<string, (long Size, int Height)>(StringComparer.Ordinal);
        long total = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case SequenceStart or MappingStart:
                    open.Add(new YamlOpenCollection(AnchorOf(current)));
                    if (open.Count > options.MaxYamlDepth)
                    {
                        diagnostics.Add(SigmaDiagnostics.YamlTooDeepError(source.At(current.Start), options.MaxYamlDepth));
                        return false;
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    var frame = open[^1];
                    open.RemoveAt(open.Count - 1);
                    if (!Complete(frame.Anchor, frame.Size, frame.Height + 1, added: 1))
                        return TooLarge(current);
                    break;
                case Scalar scalar:
                    if (!Complete(AnchorOf(scalar), 1, 0, added: 1))
                        return TooLarge(current);
                    break;
                case AnchorAlias alias:
                    var name = alias.Value.Value;
                    if (open.Exists(frame => frame.Anchor == name))
                    {
                        diagnostics.Add(SigmaDiagnostics.RecursiveAliasError(source.At(current.Start), name));
                        return false;
                    }

                    // An unknown anchor is left to the loader, which reports it as a syntax error.
                    if (anchors.TryGetValue(name, out var target))
                    {
                        if (open.Count + target.Height > options.MaxYamlDepth)
                        {
                            diagnostics.Add(SigmaDiagnostics.YamlTooDeepError(source.At(current.Start), options.MaxYamlDepth));
                            return false;
                        }

                        if (!Complete(null, target.Size, target.Height, added: target.Size))
                            return TooLarge(current);
                    }

                    break;
            }
        }

        return true;

        // size: nodes under and including this one, aliases expanded; added: how many of them are new to the total.
        bool Complete(string? anchor, long size, int height, long added)
        {
            total += added;
            if (total > options.MaxYamlNodes)
                return false;
            if (anchor is not null)
                anchors[anchor] = (size, height);
            if (open.Count > 0)
            {
                var parent = open[^1];
                open[^1] = parent with { Size = parent.Size + size, Height = Math.Max(parent.Height, height) };
            }

            return true;
        }

        bool TooLarge(ParsingEvent at)
        {
            diagnostics.Add(SigmaDiagnostics.AliasExpansionError(source.At(at.Start), options.MaxYamlNodes));
            return false;
        }
    }

    private static string? AnchorOf(ParsingEvent node) => node switch
    {
        NodeEvent { Anchor.IsEmpty: false } anchored => anchored.Anchor.Value,
        _ => null,
    };

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (…): "; the location is ours to print.
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && marker >= 0)
            message = message[(marker + 3)..];
        return message.TrimEnd('.') + ".";
    }
}
