namespace Rampart.Detection.Sigma.Loading;

/// <summary>One YAML document of a file: its characters in the file's text and the 0-based line it starts on.</summary>
internal readonly record struct YamlDocumentText(string FileText, int Start, int Length, int FirstLine)
{
    public TextReader OpenReader() => new StringReader(FileText.Substring(Start, Length));
}
