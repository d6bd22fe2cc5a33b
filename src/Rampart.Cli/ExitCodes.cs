namespace Rampart.Cli;

/// <summary>The process exit codes every command uses (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command ran cleanly.</summary>
    public const int Success = 0;

    /// <summary><c>--fail-on-hit</c> was given and the hunt found hits.</summary>
    public const int Hits = 1;

    /// <summary><c>rules validate</c> found warnings but no errors.</summary>
    public const int Warnings = 1;

    /// <summary><c>iam can</c>: the principal may not make the request.</summary>
    public const int Denied = 1;

    /// <summary>Bad usage, or input that could not be read (rules, records, files).</summary>
    public const int InputErrors = 2;
}
