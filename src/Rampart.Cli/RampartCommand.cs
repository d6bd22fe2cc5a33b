using System.CommandLine;
using Rampart.Cli.Commands;

namespace Rampart.Cli;

/// <summary>The <c>rampart</c> command tree.</summary>
internal static class RampartCommand
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliContext.FromConsole());

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = new RootCommand("Rampart: a security operations engine for AWS.")
        {
            HuntCommand.Create(context),
            RulesCommand.Create(context),
            GenerateCommand.Create(context),
            DemoCommand.Create(context),
            IamCommand.Create(context),
            AssessCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await context.Error.WriteLineAsync("rampart: " + error.Message).ConfigureAwait(false);
            await context.Error.WriteLineAsync("Try 'rampart --help'.").ConfigureAwait(false);
            return ExitCodes.InputErrors;
        }

        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
