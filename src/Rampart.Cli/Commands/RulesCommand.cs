using System.CommandLine;
using Rampart.Detection.Sigma;
using Rampart.Hunting.Testing;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart rules validate PATH…</c>: every problem in every rule, as <c>path:line:column: CODE: message</c>.
/// <c>rampart rules test PATH…</c>: runs the examples kept beside the rules.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Sigma rule files or directories.", Arity = ArgumentArity.OneOrMore };
        var placeholders = new Option<string?>("--placeholders") { Description = "YAML file with values for %placeholder% expansions." };
        var validate = new Command("validate", "Check Sigma rules and report every problem; exits 2 on errors, 1 on warnings only.") { paths, placeholders };
        validate.SetAction(result => Validate(result.GetValue(paths)!, result.GetValue(placeholders), context));
        var testPaths = new Argument<string[]>("paths") { Description = "Sigma rule files or directories.", Arity = ArgumentArity.OneOrMore };
        var testPlaceholders = new Option<string?>("--placeholders") { Description = "YAML file with values for %placeholder% expansions." };
        var test = new Command("test", "Run the examples beside each rule (name.match.* must be detected, name.nomatch.* must not); exits 1 on failures, 2 on rule errors.") { testPaths, testPlaceholders };
        test.SetAction(result => Test(result.GetValue(testPaths)!, result.GetValue(testPlaceholders), context));
        return new Command("rules", "Work with detection rules.") { validate, test };
    }

    internal static int Validate(IReadOnlyList<string> paths, string? placeholders, CliContext context)
    {
        var printer = new DiagnosticPrinter(context.Error);
        var options = placeholders is null ? SigmaOptions.Default : SigmaOptions.WithPlaceholderFile(placeholders, printer);
        var rules = SigmaRuleSet.Load(paths, options, printer);
        context.Out.WriteLine($"{rules.Rules.Length} rules compiled; {printer.Errors} errors, {printer.Warnings} warnings.");
        if (printer.Errors > 0)
            return ExitCodes.InputErrors;
        return printer.Warnings > 0 ? ExitCodes.Warnings : ExitCodes.Success;
    }

    internal static int Test(IReadOnlyList<string> paths, string? placeholders, CliContext context)
    {
        var printer = new DiagnosticPrinter(context.Error);
        var options = placeholders is null ? SigmaOptions.Default : SigmaOptions.WithPlaceholderFile(placeholders, printer);
        var rules = SigmaRuleSet.Load(paths, options, printer);
        var ruleErrors = printer.Errors;
        var summary = RuleExampleTester.Run(rules, printer);
        context.Out.WriteLine($"{summary.Rules} rule files tested with {summary.Events} example events: {summary.Failures} failures; {summary.Untested} rule files have no examples.");
        if (ruleErrors > 0)
            return ExitCodes.InputErrors;
        return summary.Failures > 0 ? ExitCodes.Warnings : ExitCodes.Success;
    }
}
