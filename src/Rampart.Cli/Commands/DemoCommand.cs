using System.CommandLine;
using Rampart.GameDays.Telemetry;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart demo</c>: generates a small attack-laced sample into a temporary folder and hunts it with
/// Rampart's own detections, then assesses a sample of the account's configuration against the shipped checks — the
/// main jobs with nothing installed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var keep = new Option<string?>("--keep") { Description = "Write the sample into this folder and keep it, instead of a temporary one." };
        var records = new Option<long>("--records") { Description = "CloudTrail records in the sample.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("demo", "Generate a small attack-laced sample, hunt it with Rampart's detections, and assess a sample configuration.") { keep, records };
        command.SetAction(result => Run(result.GetValue(keep), result.GetValue(records), context));
        return command;
    }

    internal static int Run(string? keep, long records, CliContext context)
    {
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "rampart-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            context.Error.WriteLine($"Generating a sample of AWS telemetry with attacks mixed in, into {folder} …");
            var duration = TimeSpan.FromHours(6);
            var manifest = GenerateCommand.Generate(
                new TelemetryOptions
                {
                    OutputDirectory = folder,
                    Size = TelemetrySize.Records(records),
                    Start = context.Time.GetUtcNow() - duration,
                    Duration = duration,
                    MaxDegreeOfParallelism = Environment.ProcessorCount,
                },
                context);
            if (manifest is null)
                return ExitCodes.InputErrors;

            // A threat feed that knows some of the attackers' addresses, as a team would subscribe to one.
            var intel = Path.Combine(folder, "intel", "threats.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(intel)!);
            File.WriteAllLines(intel, ["# Demo threat feed: addresses seen attacking other organisations.", .. manifest.Attacks.SelectMany(attack => attack.AttackerAddresses).Distinct(StringComparer.Ordinal)]);

            var rules = Path.Combine(AppContext.BaseDirectory, "content", "detections");
            context.Error.WriteLine($"Hunting it with {rules} …");
            context.Error.WriteLine();
            var hunted = HuntCommand.Run(
                new HuntRequest(
                    Paths: [Path.Combine(folder, "AWSLogs")],
                    Rules: [rules],
                    Placeholders: null,
                    Output: "table",
                    OutFile: null,
                    Format: Logs.LogFormat.Auto,
                    Threads: Environment.ProcessorCount,
                    Since: null,
                    Until: null,
                    Accounts: [],
                    Regions: [],
                    FailOnHit: false,
                    Quarantine: null)
                {
                    Intel = ["threats=" + intel],
                },
                context);
            if (hunted == ExitCodes.InputErrors)
                return hunted;

            // The second job: the same account's configuration checked against the shipped checklists.
            var account = manifest.AccountIds.FirstOrDefault() ?? "111122223333";
            var export = Posture.Inventory.SampleExport.Write(Path.Combine(folder, "inventory"), account, manifest.Regions.FirstOrDefault() ?? "eu-west-1");
            context.Error.WriteLine();
            context.Error.WriteLine($"Assessing the configuration of account {account} in {export} against the shipped checks …");
            context.Error.WriteLine();
            var assessed = AssessCommand.Create(context).Parse([export, "--framework", "cis-aws-3.0"])
                .Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
            return assessed == ExitCodes.InputErrors ? assessed : hunted;
        }
        finally
        {
            if (keep is null && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            else if (keep is not null)
                context.Error.WriteLine($"The sample stays in {folder}; hunt it again with: rampart hunt {folder} --rules <rules>");
        }
    }
}
