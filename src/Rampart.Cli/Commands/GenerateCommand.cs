using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Rampart.GameDays.Telemetry;
using Spectre.Console;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart generate --out DIR</c>: realistic telemetry in AWS's S3 layout, attacks optional.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder to write into (created if missing).", Required = true };
        var size = new Option<string?>("--size") { Description = "Approximate gzip bytes on disk, e.g. 200MB or 1GB (instead of --records)." };
        var records = new Option<long?>("--records") { Description = "CloudTrail records to write (default 50000)." };
        var sources = new Option<string[]>("--sources") { Description = "cloudtrail, vpcflow, route53 (default: all).", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long>("--seed") { Description = "Seed; the same seed writes the same bytes.", DefaultValueFactory = _ => TelemetryOptions.DefaultSeed };
        var days = new Option<double>("--days") { Description = "Length of the period covered, in days (ending now).", DefaultValueFactory = _ => 1 };
        var accounts = new Option<int>("--accounts") { Description = "Synthetic AWS accounts.", DefaultValueFactory = _ => 3 };
        var regions = new Option<string[]>("--regions") { Description = "Regions (default us-east-1 eu-west-1).", AllowMultipleArgumentsPerToken = true };
        var noAttacks = new Option<bool>("--no-attacks") { Description = "Write benign activity only." };
        var threads = new Option<int>("--threads") { Description = "Files written at once.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("generate", "Write realistic CloudTrail, VPC Flow and Route 53 Resolver logs, with attacks mixed in.")
        {
            output, size, records, sources, seed, days, accounts, regions, noAttacks, threads,
        };
        command.SetAction(result =>
        {
            TelemetrySize telemetrySize;
            if (result.GetValue(size) is { } sizeText)
            {
                if (!SizeArgument.TryParse(sizeText, out var bytes))
                    return Usage(context, $"--size: '{sizeText}' is not a size such as 200MB or 1GB.");
                telemetrySize = TelemetrySize.CompressedBytes(bytes);
            }
            else
            {
                telemetrySize = TelemetrySize.Records(result.GetValue(records) ?? 50_000);
            }

            var wanted = TelemetrySources.None;
            foreach (var name in result.GetValue(sources) is { Length: > 0 } names ? names : ["cloudtrail", "vpcflow", "route53"])
            {
                var source = ParseSource(name);
                if (source == TelemetrySources.None)
                    return Usage(context, $"--sources: '{name}' is not one of cloudtrail, vpcflow, route53.");
                wanted |= source;
            }

            var duration = TimeSpan.FromDays(result.GetValue(days));
            var options = new TelemetryOptions
            {
                OutputDirectory = result.GetValue(output)!,
                Size = telemetrySize,
                Sources = wanted,
                Seed = result.GetValue(seed),
                Start = context.Time.GetUtcNow() - duration,
                Duration = duration,
                Accounts = result.GetValue(accounts),
                Regions = result.GetValue(regions) is { Length: > 0 } r ? [.. r] : ["us-east-1", "eu-west-1"],
                IncludeAttacks = !result.GetValue(noAttacks),
                MaxDegreeOfParallelism = result.GetValue(threads),
            };
            return Generate(options, context) is null ? ExitCodes.InputErrors : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Validates, generates with a progress bar on a terminal, and prints what was written; null when the options are invalid.</summary>
    internal static TelemetryManifest? Generate(TelemetryOptions options, CliContext context)
    {
        var problems = options.Validate();
        if (!problems.IsEmpty)
        {
            foreach (var problem in problems)
                context.Error.WriteLine("rampart generate: " + problem.Code + ": " + problem.Message);
            return null;
        }

        TelemetryManifest manifest;
        if (context.Interactive)
        {
            TelemetryManifest? result = null;
            AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
            AnsiConsole.Progress().AutoClear(true).Start(progressContext =>
            {
                var task = progressContext.AddTask("generating");
                task.IsIndeterminate = true;
                var progress = new Progress<long>(records => task.Description = $"generating: {records:N0}");
                result = TelemetryGenerator.Generate(options, progress);
            });
            manifest = result!;
        }
        else
        {
            manifest = TelemetryGenerator.Generate(options);
        }

        foreach (var source in manifest.Sources)
        {
            context.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{source.SourceType}: {source.Records:N0} records in {source.Files:N0} files, {source.CompressedBytes / 1048576.0:0.0} MiB gzip"));
        }

        context.Error.WriteLine($"{manifest.Attacks.Length} attacks mixed in; manifest: {Path.Combine(manifest.OutputDirectory, TelemetryManifest.FileName)}");
        context.Error.WriteLine($"Hunt it with: rampart hunt {Path.Combine(manifest.OutputDirectory, "AWSLogs")} --rules <rules>");
        return manifest;
    }

    internal static TelemetrySources ParseSource(string name) => name.ToLowerInvariant() switch
    {
        "cloudtrail" => TelemetrySources.CloudTrail,
        "vpcflow" => TelemetrySources.VpcFlow,
        "route53" or "route53_resolver" => TelemetrySources.Route53Resolver,
        _ => TelemetrySources.None,
    };

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine("rampart generate: " + message);
        return ExitCodes.InputErrors;
    }
}
