using Rampart.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// Parses one YAML document into YamlDotNet's representation model, which keeps every node's line and
/// column. The nesting depth is measured on the event stream first, because the representation model
/// recurses and hostile nesting would overflow the stack.
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>Returns the document's root, or null when the document is empty or was reported as broken.</summary>
    public static YamlNode? Parse(YamlDocumentText document, YamlSource source, int maxDepth, List<Diagnostic> diagnostics)
    {
        try
        {
            if (!CheckDepth(document, source, maxDepth, diagnostics))
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

    private static bool CheckDepth(YamlDocumentText document, YamlSource source, int maxDepth, List<Diagnostic> diagnostics)
    {
        var parser = new Parser(document.OpenReader());
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case SequenceStart or MappingStart:
                    if (++depth > maxDepth)
                    {
                        diagnostics.Add(SigmaDiagnostics.YamlTooDeepError(source.At(parser.Current.Start), maxDepth));
                        return false;
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }

        return true;
    }

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
