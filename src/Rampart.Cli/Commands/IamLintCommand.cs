using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Linting;
using Rampart.Iam.Policies;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart iam lint FILE…</c>: every error and warning in IAM policy documents, as <c>file:$.json.path: CODE: message</c>.
/// </summary>
internal static class IamLintCommand
{
    /// <summary>A policy file that does not exist or cannot be read.</summary>
    internal const string Unreadable = "LINT001";

    private static readonly Dictionary<string, PolicyKind> Kinds = new(StringComparer.Ordinal)
    {
        ["identity"] = PolicyKind.Identity,
        ["resource"] = PolicyKind.Resource,
        ["trust"] = PolicyKind.Trust,
        ["boundary"] = PolicyKind.PermissionBoundary,
        ["session"] = PolicyKind.Session,
        ["scp"] = PolicyKind.ServiceControl,
        ["rcp"] = PolicyKind.ResourceControl,
        ["vpc-endpoint"] = PolicyKind.VpcEndpoint,
    };

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Policy documents (JSON files; '-' for standard input).", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string>("--kind") { Description = "What the policies are attached to: identity, resource, trust, boundary, session, scp, rcp or vpc-endpoint.", DefaultValueFactory = _ => "identity" };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var format = new Option<string>("--format") { Description = "text (diagnostics on standard error, a summary on standard output) or json (one document on standard output).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lint = new Command("lint", "Check IAM policies and report every error and warning with its JSON path; exits 2 on errors, 0 otherwise.") { files, kind, format };
        lint.SetAction(result => Run(result.GetValue(files)!, Kinds[result.GetValue(kind)!], result.GetValue(format) == "json", context));
        return lint;
    }

    internal static int Run(IReadOnlyList<string> files, PolicyKind kind, bool json, CliContext context)
    {
        var results = new List<(string File, Diagnostic[] Diagnostics)>();
        foreach (var file in files)
        {
            var bag = new DiagnosticBag();
            if (Read(file) is not { } text)
            {
                bag.Report(new Diagnostic(DiagnosticSeverity.Error, Unreadable, "the file does not exist or cannot be read.", new SourceLocation(file)));
            }
            else if (PolicyDocument.Parse(text, file, kind, bag) is { } document)
            {
                PolicyLinter.Default.Lint(document, bag);
            }

            results.Add((file, [.. bag.ToImmutableArray()]));
        }

        var all = results.SelectMany(r => r.Diagnostics).ToList();
        var errors = all.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var notes = all.Count(d => d.Severity == DiagnosticSeverity.Info);
        if (json)
        {
            WriteJson(results, errors, warnings, notes, context);
        }
        else
        {
            var printer = new DiagnosticPrinter(context.Error);
            foreach (var diagnostic in all)
                printer.Report(diagnostic);
            context.Out.WriteLine($"{files.Count} {(files.Count == 1 ? "policy" : "policies")} linted; {errors} errors, {warnings} warnings, {notes} notes.");
        }

        return errors > 0 ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private static string? Read(string file)
    {
        if (file == "-")
            return Console.In.ReadToEnd();
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteJson(List<(string File, Diagnostic[] Diagnostics)> results, int errors, int warnings, int notes, CliContext context)
    {
        using var stream = context.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("policies", results.Count);
            writer.WriteNumber("errors", errors);
            writer.WriteNumber("warnings", warnings);
            writer.WriteNumber("notes", notes);
            writer.WriteStartArray("diagnostics");
            foreach (var (file, diagnostics) in results)
            {
                foreach (var diagnostic in diagnostics)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", file);
                    var location = diagnostic.Location.Path;
                    if (location.StartsWith(file + ":$", StringComparison.Ordinal))
                        writer.WriteString("path", location[(file.Length + 1)..]);
                    if (diagnostic.Location.Line > 0)
                    {
                        writer.WriteNumber("line", diagnostic.Location.Line);
                        writer.WriteNumber("column", diagnostic.Location.Column);
                    }

                    writer.WriteString("severity", diagnostic.Severity switch
                    {
                        DiagnosticSeverity.Error => "error",
                        DiagnosticSeverity.Warning => "warning",
                        _ => "note",
                    });
                    writer.WriteString("code", diagnostic.Code);
                    writer.WriteString("message", diagnostic.Message);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}
