using System.CommandLine;

namespace Rampart.Cli;

/// <summary>The <c>rampart</c> command tree.</summary>
internal static class RampartCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Rampart: security operations engine for AWS.");
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
