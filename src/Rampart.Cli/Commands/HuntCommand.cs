using System.Collections.Immutable;
using System.CommandLine;
using Rampart.Cli.Output;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;
using Rampart.Hunting;
using Rampart.Hunting.Output;
using Rampart.Logs;
using Spectre.Console;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart hunt PATH… --rules PATH…</c>: Sigma rules over log files, in parallel.</summary>
internal static class HuntCommand
{
    private const int PlainWidth = 240;

    private static readonly string[] Outputs = ["table", "jsonl", "csv", "ocsf"];
    private static readonly string[] Formats = ["auto", "cloudtrail", "vpcflow", "route53", "guardduty"];

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Log files or directories (S3 layout trees are fine).", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<string[]>("--rules") { Description = "Sigma rule files or directories.", Required = true, AllowMultipleArgumentsPerToken = true };
        var placeholders = new Option<string?>("--placeholders") { Description = "YAML file with values for %placeholder% expansions." };
        var output = new Option<string>("--output", "-o") { Description = "table, jsonl, csv or ocsf.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong(Outputs);
        var outFile = new Option<string?>("--out") { Description = "Write results to this file instead of standard output." };
        var format = new Option<string>("--format") { Description = "Read every file as this format instead of detecting it.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong(Formats);
        var threads = new Option<int>("--threads") { Description = "Files read at once (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var since = new Option<string?>("--since") { Description = "Only events at or after this time: ISO 8601, or a span back from now such as 24h or 7d." };
        var until = new Option<string?>("--until") { Description = "Only events before this time (same forms as --since)." };
        var accounts = new Option<string[]>("--account") { Description = "Only these AWS accounts.", AllowMultipleArgumentsPerToken = true };
        var regions = new Option<string[]>("--region") { Description = "Only these regions.", AllowMultipleArgumentsPerToken = true };
        var failOnHit = new Option<bool>("--fail-on-hit") { Description = "Exit with 1 when anything is found." };
        var quarantine = new Option<string?>("--quarantine") { Description = "Write unreadable records verbatim to this JSON lines file." };
        var intel = RulesCommand.IntelOption();
        var baseline = new Option<string?>("--baseline") { Description = "Keep new_value baselines in this file: read before the hunt, written after, so later hunts continue from it." };
        var lateness = new Option<string?>("--lateness") { Description = "How far out of event-time order records may arrive and still count in correlations: 90s, 15m, 1h (default 15m)." };
        var geoip = new Option<string[]>("--geoip") { Description = "MaxMind DB file (GeoLite2/GeoIP2 Country, City or ASN) for baselines of countries and network owners; repeat for several." };

        var command = new Command("hunt", "Run Sigma rules over CloudTrail, VPC Flow, Route 53 Resolver logs and GuardDuty findings.")
        {
            paths, rules, placeholders, output, outFile, format, threads, since, until, accounts, regions, failOnHit, quarantine, intel, baseline, geoip, lateness,
        };
        command.SetAction(result =>
        {
            var request = new HuntRequest(
                [.. result.GetValue(paths)!],
                [.. result.GetValue(rules)!],
                result.GetValue(placeholders),
                result.GetValue(output)!,
                result.GetValue(outFile),
                ParseFormat(result.GetValue(format)!),
                result.GetValue(threads),
                result.GetValue(since),
                result.GetValue(until),
                [.. result.GetValue(accounts) ?? []],
                [.. result.GetValue(regions) ?? []],
                result.GetValue(failOnHit),
                result.GetValue(quarantine))
            {
                Intel = [.. result.GetValue(intel) ?? []],
                Baseline = result.GetValue(baseline),
                Lateness = result.GetValue(lateness),
                GeoIp = [.. result.GetValue(geoip) ?? []],
            };
            return Run(request, context);
        });
        return command;
    }

    internal static int Run(HuntRequest request, CliContext context)
    {
        var printer = new DiagnosticPrinter(context.Error);
        if (!TryBuildOptions(request, context, out var options))
            return ExitCodes.InputErrors;

        var sigmaOptions = RulesCommand.LoadOptions(request.Placeholders, request.Intel, printer);
        var ruleSet = SigmaRuleSet.Load(request.Rules, sigmaOptions, printer);
        if (ruleSet.Rules.IsEmpty)
        {
            context.Error.WriteLine("rampart hunt: no rule compiled from " + string.Join(", ", request.Rules));
            return ExitCodes.InputErrors;
        }

        var ruleErrors = printer.Errors;
        if (!TryOpenGeoIp(request, printer, out var locator))
            return ExitCodes.InputErrors;
        using var geo = locator;
        if (locator is null && ruleSet.Correlations.Any(c => c.Condition?.Transform is ValueTransform.Country or ValueTransform.Asn))
        {
            printer.Report(BaselineFiles.NoGeoIpInfo(new SourceLocation(request.Rules[0])));
        }

        options = options with { BaselineFile = request.Baseline, Locator = locator };

        using var quarantine = request.Quarantine is null ? null : new QuarantineFile(request.Quarantine);
        using var writer = CreateWriter(request, context);
        var runner = new HuntRunner(ruleSet);
        HuntSummary summary;
        if (context.Interactive && (request.Output == "table" || request.OutFile is not null))
        {
            using (printer.Hold())
                summary = RunWithProgress(runner, options, writer, printer, quarantine);
        }
        else
        {
            summary = runner.Run(options, writer, printer, quarantine);
        }

        if (request.Output != "table")
            context.Error.WriteLine(TableHitWriter.SummaryLine(summary));
        if (printer.Errors > 0)
            context.Error.WriteLine($"rampart hunt: {printer.Errors} errors ({ruleErrors} in rules), {printer.Warnings} warnings.");

        if (printer.Errors > 0)
            return ExitCodes.InputErrors;
        return request.FailOnHit && summary.Hits > 0 ? ExitCodes.Hits : ExitCodes.Success;
    }

    private static HuntSummary RunWithProgress(HuntRunner runner, HuntOptions options, IHitWriter writer, DiagnosticPrinter printer, QuarantineFile? quarantine)
    {
        HuntSummary? summary = null;
        AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(progressContext =>
            {
                var task = progressContext.AddTask("hunting");
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = $"hunting {p.FilesDone}/{p.FilesTotal} files";
                });
                summary = runner.Run(options, writer, printer, quarantine, progress);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    private static IHitWriter CreateWriter(HuntRequest request, CliContext context)
    {
        Stream OpenStream() => request.OutFile is null ? context.OpenStandardOutput() : File.Create(request.OutFile);
        return request.Output switch
        {
            "jsonl" => new JsonLinesHitWriter(OpenStream(), ownsStream: request.OutFile is not null),
            "ocsf" => new OcsfHitWriter(OpenStream(), ownsStream: request.OutFile is not null),
            "csv" => new CsvHitWriter(request.OutFile is null ? context.Out : new StreamWriter(request.OutFile)),
            _ => new TableHitWriter(request.OutFile is null
                ? (context.Out == Console.Out && !Console.IsOutputRedirected ? AnsiConsole.Create(new AnsiConsoleSettings()) : PlainConsole(context.Out))
                : PlainConsole(new StreamWriter(request.OutFile))),
        };
    }

    // Plain text for files and pipes, wide enough that nothing is wrapped mid-word.
    private static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }

    private static bool TryBuildOptions(HuntRequest request, CliContext context, out HuntOptions options)
    {
        options = null!;
        DateTimeOffset? since = null, until = null;
        if (request.Since is { } sinceText)
        {
            if (!TimeArgument.TryParse(sinceText, context.Time, out var value))
                return Usage(context, $"--since: '{sinceText}' is neither an ISO 8601 time nor a span such as 24h or 7d.");
            since = value;
        }

        if (request.Until is { } untilText)
        {
            if (!TimeArgument.TryParse(untilText, context.Time, out var value))
                return Usage(context, $"--until: '{untilText}' is neither an ISO 8601 time nor a span such as 24h or 7d.");
            until = value;
        }

        if (request.Threads is < 1 or > 512)
            return Usage(context, $"--threads: {request.Threads} is not from 1 to 512.");

        options = new HuntOptions
        {
            Inputs = request.Paths,
            Threads = request.Threads,
            Since = since,
            Until = until,
            Accounts = [.. request.Accounts],
            Regions = [.. request.Regions],
            Read = new LogReadOptions { Format = request.Format },
        };
        if (request.Lateness is { } latenessText)
        {
            if (!TimeArgument.TryParseSpan(latenessText, out var lateness))
                return Usage(context, $"--lateness: '{latenessText}' is not a span such as 90s, 15m or 1h.");
            options = options with { Lateness = lateness };
        }

        return true;
    }

    private static bool TryOpenGeoIp(HuntRequest request, DiagnosticPrinter printer, out GeoIpLocator? locator)
    {
        locator = null;
        if (request.GeoIp.IsEmpty)
            return true;
        try
        {
            locator = new GeoIpLocator(request.GeoIp);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or MaxMind.Db.InvalidDatabaseException)
        {
            printer.Report(BaselineFiles.GeoIpUnreadableError(new SourceLocation(string.Join(", ", request.GeoIp)), e.Message));
            return false;
        }
    }

    private static bool Usage(CliContext context, string message)
    {
        context.Error.WriteLine("rampart hunt: " + message);
        return false;
    }

    private static LogFormat ParseFormat(string text) => text switch
    {
        "cloudtrail" => LogFormat.CloudTrail,
        "vpcflow" => LogFormat.VpcFlow,
        "route53" => LogFormat.Route53Resolver,
        "guardduty" => LogFormat.GuardDuty,
        _ => LogFormat.Auto,
    };

    private sealed class SynchronousProgress(Action<HuntProgress> report) : IProgress<HuntProgress>
    {
        private readonly Lock _gate = new();

        public void Report(HuntProgress value)
        {
            lock (_gate)
                report(value);
        }
    }
}
