namespace Rampart.Detection.Sigma.Loading;

/// <summary>
/// Splits a multi-document YAML file at its <c>---</c> markers so that each document is parsed on its
/// own: a syntax error then costs one document, not the rest of the file. YAML forbids a document
/// marker at the start of a line inside content, so splitting on the text is exact.
/// </summary>
internal static class YamlDocumentSplitter
{
    public static List<YamlDocumentText> Split(string text)
    {
        var documents = new List<YamlDocumentText>();
        var start = 0;
        var startLine = 0;
        var line = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            if (line > 0 && IsDocumentMarker(text.AsSpan(position, next - position)))
            {
                documents.Add(new YamlDocumentText(text, start, position - start, startLine));
                start = position;
                startLine = line;
            }

            position = next;
            line++;
        }

        documents.Add(new YamlDocumentText(text, start, text.Length - start, startLine));
        return documents;
    }

    private static bool IsDocumentMarker(ReadOnlySpan<char> line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));
}
