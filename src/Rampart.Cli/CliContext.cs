namespace Rampart.Cli;

/// <summary>What a command may touch of the outside world, so that tests can replace it.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: diagnostics and progress.</param>
/// <param name="Time">The clock.</param>
/// <param name="Interactive">Whether standard error is a terminal a person watches (progress bars).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, bool Interactive)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, TimeProvider.System, !Console.IsErrorRedirected);

    /// <summary>Opens standard output as a stream for binary-safe writers.</summary>
    public Stream OpenStandardOutput() => Out == Console.Out ? Console.OpenStandardOutput() : new TextWriterStream(Out);
}
