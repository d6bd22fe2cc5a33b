using System.CommandLine;
using System.Text.RegularExpressions;
using Rampart.Detection.Sigma;
using Rampart.Hunting.Testing;
using Rampart.Posture.Checks;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart rules validate PATH…</c>: every problem in every rule, as <c>path:line:column: CODE: message</c>.
/// <c>rampart rules test PATH…</c>: runs the examples kept beside the rules. Both take Sigma rules and posture checks
/// (YAML documents with <c>assert:</c> or <c>plugin:</c>, docs/checks.md), in the same or separate folders.
/// </summary>
internal static partial class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Sigma rule or posture check files or directories.", Arity = ArgumentArity.OneOrMore };
        var placeholders = new Option<string?>("--placeholders") { Description = "YAML file with values for %placeholder% expansions." };
        var intel = IntelOption();
        var validate = new Command("validate", "Check Sigma rules and report every problem; exits 2 on errors, 1 on warnings only.") { paths, placeholders, intel };
        validate.SetAction(result => Validate(result.GetValue(paths)!, result.GetValue(placeholders), result.GetValue(intel) ?? [], context));
        var testPaths = new Argument<string[]>("paths") { Description = "Sigma rule or posture check files or directories.", Arity = ArgumentArity.OneOrMore };
        var testPlaceholders = new Option<string?>("--placeholders") { Description = "YAML file with values for %placeholder% expansions." };
        var testIntel = IntelOption();
        var test = new Command("test", "Run the examples beside each rule (name.match.* must be detected, name.nomatch.* must not) and each check's examples; exits 1 on failures, 2 on rule errors.") { testPaths, testPlaceholders, testIntel };
        test.SetAction(result => Test(result.GetValue(testPaths)!, result.GetValue(testPlaceholders), result.GetValue(testIntel) ?? [], context));
        return new Command("rules", "Work with detection rules and posture checks.") { validate, test };
    }

    /// <summary>The <c>--intel [NAME=]PATH|URL</c> option, shared by the commands that load rules.</summary>
    internal static Option<string[]> IntelOption() => new("--intel")
    {
        Description = "Threat-intelligence list for rules' 'intel' lookups: [NAME=]PATH|URL (text, CSV or STIX 2.1); repeat it, sources of one NAME merge.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Sigma options with the placeholders file and intelligence lists given.</summary>
    internal static SigmaOptions LoadOptions(string? placeholders, IReadOnlyList<string> intel, DiagnosticPrinter printer)
    {
        var options = placeholders is null ? SigmaOptions.Default : SigmaOptions.WithPlaceholderFile(placeholders, printer);
        return IntelSources.AddTo(options, intel, printer);
    }

    /// <summary>
    /// The example lists kept beside rules, <c>LIST.intel.txt|csv|json</c>, as <c>LIST=PATH</c>; a list named with
    /// <c>--intel</c> takes the place of the example of that name.
    /// </summary>
    internal static IEnumerable<string> ExampleIntelLists(IReadOnlyList<string> paths, IReadOnlyList<string> intel)
    {
        var given = new HashSet<string>(intel.Select(spec => IntelSources.Parse(spec).Name), StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.intel.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var list = name[..name.IndexOf(".intel.", StringComparison.Ordinal)];
                if (list.Length > 0 && !given.Contains(list) && Path.GetExtension(file) is ".txt" or ".csv" or ".json")
                    yield return list + "=" + file;
            }
        }
    }

    internal static int Validate(IReadOnlyList<string> paths, string? placeholders, IReadOnlyList<string> intel, CliContext context)
    {
        var printer = new DiagnosticPrinter(context.Error);
        var (sigma, checks) = Partition(paths);
        if (sigma.Count > 0)
        {
            var options = LoadOptions(placeholders, intel, printer);
            var rules = SigmaRuleSet.Load(sigma, options, printer);
            context.Out.WriteLine($"{rules.Rules.Length} rules compiled; {printer.Errors} errors, {printer.Warnings} warnings.");
        }

        if (checks.Count > 0)
        {
            var (errors, warnings) = (printer.Errors, printer.Warnings);
            var loaded = CheckLoader.LoadFiles(checks);
            foreach (var diagnostic in loaded.Diagnostics)
                printer.Report(diagnostic);
            context.Out.WriteLine($"{loaded.Checks.Length} checks compiled; {printer.Errors - errors} errors, {printer.Warnings - warnings} warnings.");
        }

        if (printer.Errors > 0)
            return ExitCodes.InputErrors;
        return printer.Warnings > 0 ? ExitCodes.Warnings : ExitCodes.Success;
    }

    internal static int Test(IReadOnlyList<string> paths, string? placeholders, IReadOnlyList<string> intel, CliContext context)
    {
        var printer = new DiagnosticPrinter(context.Error);
        var (sigma, checks) = Partition(paths);
        var failures = 0;
        var loadErrors = 0;
        if (sigma.Count > 0)
        {
            var options = LoadOptions(placeholders, [.. ExampleIntelLists(sigma, intel), .. intel], printer);
            var rules = SigmaRuleSet.Load(sigma, options, printer);
            loadErrors = printer.Errors;
            var summary = RuleExampleTester.Run(rules, printer);
            failures += summary.Failures;
            context.Out.WriteLine($"{summary.Rules} rule files tested with {summary.Events} example events: {summary.Failures} failures; {summary.Untested} rule files have no examples.");
        }

        if (checks.Count > 0)
        {
            var loaded = CheckLoader.LoadFiles(checks);
            foreach (var diagnostic in loaded.Diagnostics)
                printer.Report(diagnostic);
            loadErrors += loaded.Diagnostics.Count(static d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
            var outcomes = CheckPack.Compile(loaded.Checks).Checks.SelectMany(check => check.RunExamples(context.Time.GetUtcNow())).ToList();
            var failed = outcomes.Where(static outcome => !outcome.Passed).ToList();
            foreach (var outcome in failed)
                context.Error.WriteLine(outcome.ToString());
            failures += failed.Count;
            var untested = loaded.Checks.Count(static check => check.Examples.IsEmpty);
            context.Out.WriteLine($"{loaded.Checks.Length} checks tested with {outcomes.Count} examples: {failed.Count} failures; {untested} checks have no examples.");
        }

        if (loadErrors > 0)
            return ExitCodes.InputErrors;
        return failures > 0 ? ExitCodes.Warnings : ExitCodes.Success;
    }

    // Posture checks have a top-level `assert:` or `plugin:` (docs/checks.md); everything else is left to the Sigma
    // loader. A folder without checks goes to the Sigma loader whole; a folder holding both is split file by file.
    private static (List<string> Sigma, List<string> Checks) Partition(IReadOnlyList<string> paths)
    {
        var sigma = new List<string>();
        var checks = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                (File.Exists(path) && IsCheckFile(path) ? checks : sigma).Add(path);
                continue;
            }

            var files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(static file => file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            var found = files.Where(IsCheckFile).ToList();
            if (found.Count == 0)
            {
                sigma.Add(path);
                continue;
            }

            checks.AddRange(found);
            sigma.AddRange(files.Except(found, StringComparer.Ordinal));
        }

        return (sigma, checks);
    }

    private static bool IsCheckFile(string path)
    {
        try
        {
            return CheckDocument().IsMatch(File.ReadAllText(path));
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(assert|plugin):", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CheckDocument();
}
