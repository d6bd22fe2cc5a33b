using Microsoft.Extensions.Time.Testing;

namespace Rampart.Cli.Tests;

internal static class CliRunner
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new FakeTimeProvider(Now), Interactive: false);
        var exit = await RampartCommand.RunAsync(args, context);
        return (exit, output.ToString(), error.ToString());
    }
}
