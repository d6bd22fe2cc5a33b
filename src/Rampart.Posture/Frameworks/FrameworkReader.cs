using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Posture.Frameworks;

/// <summary>
/// Reads one framework file (format: <c>docs/frameworks.md</c>). Every problem is reported to the sink as
/// <c>path:line:column: CODE: message</c>, and whatever is sound is still loaded: a bad control is skipped,
/// a bad field is left at its default, an unknown key is ignored.
/// </summary>
public static partial class FrameworkReader
{
    /// <summary>The largest framework file read, in bytes (4 MiB; the largest shipped file is under 100 KiB).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly string[] FrameworkKeys = ["id", "name", "version", "sections", "controls"];
    private static readonly string[] SectionKeys = ["id", "title"];
    private static readonly string[] ControlKeys = ["id", "section", "title", "severity", "automated", "reason", "checks"];

    /// <summary>Reads the framework at <paramref name="path"/>; null when the file cannot be read or is not a YAML mapping.</summary>
    public static Framework? Read(string path, IDiagnosticSink sink)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(sink);
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                sink.Report(FrameworkDiagnostics.TooLarge(new SourceLocation(path), length, MaxFileBytes));
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Report(FrameworkDiagnostics.Unreadable(new SourceLocation(path), e.Message));
            return null;
        }

        return Parse(text, path, sink);
    }

    /// <summary>Reads a framework from <paramref name="text"/>, reporting locations in <paramref name="path"/>.</summary>
    internal static Framework? Parse(string text, string path, IDiagnosticSink sink)
    {
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            sink.Report(FrameworkDiagnostics.YamlSyntax(At(path, e.Start), Describe(e.Message)));
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            sink.Report(FrameworkDiagnostics.WrongType(new SourceLocation(path, 1, 1), "(document)", "a mapping with `id`, `name`, `version`, `sections` and `controls`"));
            return null;
        }

        return new Walker(path, sink).Framework(mapping);
    }

    private static SourceLocation At(string path, Mark mark) => new(path, mark.Line, mark.Column);

    private static string Describe(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (…): "; the location is ours to print.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && marker >= 0)
            message = message[(marker + 3)..];
        return message.TrimEnd('.') + ".";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkIdPattern();

    private sealed class Walker(string path, IDiagnosticSink sink)
    {
        public Framework Framework(YamlMappingNode root)
        {
            var fields = Fields(root, FrameworkKeys, "the framework");
            var id = RequiredString(fields, root, "id", "the framework") ?? System.IO.Path.GetFileNameWithoutExtension(path);
            if (fields.TryGetValue("id", out var idNode) && !FrameworkIdPattern().IsMatch(id))
                sink.Report(FrameworkDiagnostics.BadFrameworkId(Loc(idNode), id));
            var name = RequiredString(fields, root, "name", "the framework") ?? id;
            var version = RequiredString(fields, root, "version", "the framework") ?? "";

            var sections = ImmutableArray.CreateBuilder<FrameworkSection>();
            if (fields.TryGetValue("sections", out var sectionsNode))
            {
                foreach (var item in Sequence(sectionsNode, "sections", "a list of sections"))
                {
                    var section = Section(item);
                    if (section is null)
                        continue;
                    if (sections.Any(known => known.Id == section.Id))
                        sink.Report(FrameworkDiagnostics.DuplicateSection(Loc(item), section.Id));
                    else
                        sections.Add(section);
                }
            }
            else
            {
                sink.Report(FrameworkDiagnostics.MissingKey(Loc(root), "sections", "the framework"));
            }

            var controls = ImmutableArray.CreateBuilder<FrameworkControl>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            if (fields.TryGetValue("controls", out var controlsNode))
            {
                foreach (var item in Sequence(controlsNode, "controls", "a list of controls"))
                {
                    var control = Control(item);
                    if (control is null)
                        continue;
                    if (seen.TryGetValue(control.Id, out var first))
                    {
                        sink.Report(FrameworkDiagnostics.DuplicateControl(control.Location, control.Id, first));
                        continue;
                    }

                    seen.Add(control.Id, control.Location);
                    if (sectionsNode is not null && !sections.Any(section => section.Id == control.Section))
                        sink.Report(FrameworkDiagnostics.UnknownSection(control.Location, control.Id, control.Section));
                    controls.Add(control);
                }
            }
            else
            {
                sink.Report(FrameworkDiagnostics.MissingKey(Loc(root), "controls", "the framework"));
            }

            return new Framework(id, name, version, path, sections.ToImmutable(), controls.ToImmutable());
        }

        private FrameworkSection? Section(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                sink.Report(FrameworkDiagnostics.WrongType(Loc(node), "sections[]", "a mapping with `id` and `title`"));
                return null;
            }

            var fields = Fields(mapping, SectionKeys, "a section");
            var id = RequiredString(fields, mapping, "id", "a section");
            var title = RequiredString(fields, mapping, "title", "a section");
            return id is null ? null : new FrameworkSection(id, title ?? id);
        }

        private FrameworkControl? Control(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                sink.Report(FrameworkDiagnostics.WrongType(Loc(node), "controls[]", "a mapping"));
                return null;
            }

            var fields = Fields(mapping, ControlKeys, "a control");
            var id = RequiredString(fields, mapping, "id", "a control");
            var section = RequiredString(fields, mapping, "section", "a control");
            var title = RequiredString(fields, mapping, "title", "a control");
            Severity? severity = null;
            if (fields.TryGetValue("severity", out var severityNode) && String(severityNode, "severity") is { } severityText)
            {
                severity = ParseSeverity(severityText);
                if (severity is null)
                    sink.Report(FrameworkDiagnostics.BadSeverity(Loc(severityNode), severityText));
            }

            bool? automated = null;
            if (fields.TryGetValue("automated", out var automatedNode))
                automated = Boolean(automatedNode, "automated");
            else
                sink.Report(FrameworkDiagnostics.MissingKey(Loc(mapping), "automated", "a control"));

            string? reason = null;
            if (fields.TryGetValue("reason", out var reasonNode))
                reason = String(reasonNode, "reason");

            var checks = ImmutableArray.CreateBuilder<string>();
            if (fields.TryGetValue("checks", out var checksNode))
            {
                foreach (var item in Sequence(checksNode, "checks", "a list of check ids"))
                {
                    if (String(item, "checks[]") is not { } check)
                        continue;
                    if (checks.Contains(check))
                        sink.Report(FrameworkDiagnostics.DuplicateCheck(Loc(item), id ?? "?", check));
                    else
                        checks.Add(check);
                }
            }

            if (id is null)
                return null;
            if (automated == false && reason is null && reasonNode is null)
                sink.Report(FrameworkDiagnostics.MissingReason(Loc(mapping), id));
            if (automated == true && reasonNode is not null)
            {
                sink.Report(FrameworkDiagnostics.ReasonOnAutomated(Loc(reasonNode), id));
                reason = null;
            }

            return new FrameworkControl(id, section ?? "", title ?? id, severity, automated ?? false, reason, checks.ToImmutable(), Loc(mapping));
        }

        /// <summary>The mapping's entries by key; unknown keys and non-scalar keys are reported and left out.</summary>
        private Dictionary<string, YamlNode> Fields(YamlMappingNode mapping, string[] known, string where)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } scalar } ? scalar : keyNode.ToString();
                if (Array.IndexOf(known, key) < 0)
                    sink.Report(FrameworkDiagnostics.UnknownKey(Loc(keyNode), key, where, known));
                else
                    fields[key] = value;
            }

            return fields;
        }

        private string? RequiredString(Dictionary<string, YamlNode> fields, YamlMappingNode mapping, string key, string where)
        {
            if (fields.TryGetValue(key, out var node))
                return String(node, key);
            sink.Report(FrameworkDiagnostics.MissingKey(Loc(mapping), key, where));
            return null;
        }

        private string? String(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value } && !IsNull(node))
                return value;
            sink.Report(FrameworkDiagnostics.WrongType(Loc(node), key, "a non-empty string"));
            return null;
        }

        private bool? Boolean(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
                return scalar.Value == "true";
            sink.Report(FrameworkDiagnostics.WrongType(Loc(node), key, "`true` or `false`"));
            return null;
        }

        private IEnumerable<YamlNode> Sequence(YamlNode node, string key, string expected)
        {
            if (node is YamlSequenceNode sequence)
                return sequence.Children;
            sink.Report(FrameworkDiagnostics.WrongType(Loc(node), key, expected));
            return [];
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" };

        private static Severity? ParseSeverity(string text) => text switch
        {
            "informational" => Rampart.Core.Severity.Informational,
            "low" => Rampart.Core.Severity.Low,
            "medium" => Rampart.Core.Severity.Medium,
            "high" => Rampart.Core.Severity.High,
            "critical" => Rampart.Core.Severity.Critical,
            _ => null,
        };

        private SourceLocation Loc(YamlNode node) => At(path, node.Start);
    }
}
