using System.CommandLine;
using System.Globalization;
using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Activity;
using Rampart.Iam.Exposure;
using Rampart.Iam.Hygiene;
using Rampart.Iam.Risk;
using Rampart.Iam.Risk.Output;
using Rampart.Logs;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart iam analyze</c> and <c>rampart iam generate-policy</c>: risk and least-privilege analysis of an account.</summary>
internal static class IamAnalyzeCommand
{
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Analyze(context);
        yield return GeneratePolicy(context);
    }

    private static Command Analyze(CliContext context)
    {
        var account = new IamAccountOptions(accountRequired: false, "table", "jsonl", "ocsf", "html");
        var cloudTrail = new Option<string[]>("--cloudtrail") { Description = "CloudTrail files or folders (any layout hunt reads) for unused access.", AllowMultipleArgumentsPerToken = true };
        var window = new Option<string>("--window") { Description = "How far back unused access is judged: 90d (default), 45d, 12w…", DefaultValueFactory = _ => "90d" };
        var outFile = new Option<string?>("--out") { Description = "Write the results to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding is at least this severe: informational, low, medium, high or critical." };
        failOn.AcceptOnlyFromAmong(Severities);
        var credentialReport = new Option<string?>("--credential-report") { Description = "'aws iam get-credential-report' output (JSON) or the report's CSV." };
        var passwordPolicy = new Option<string?>("--password-policy") { Description = "'aws iam get-account-password-policy' output; a NoSuchEntity error or an empty file means none is set." };
        var accountSummary = new Option<string?>("--account-summary") { Description = "'aws iam get-account-summary' output." };
        var certificates = new Option<string?>("--server-certificates") { Description = "'aws iam list-server-certificates' output." };
        var resourcePolicies = new Option<string[]>("--resource-policies")
        {
            Description = "Resource policies to judge for public or cross-account access: FILE (its ARN inside it) or ARN=FILE, for buckets, keys, queues, topics, secrets, functions, repositories; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var mfaDevices = new Option<string?>("--virtual-mfa-devices") { Description = "'aws iam list-virtual-mfa-devices' output (tells virtual from hardware MFA on root)." };
        var command = new Command("analyze", "Find who holds too much, who could take more, whose trust is open, whose credentials are stale and what goes unused; every finding with its proof. Exits 2 when an input had errors (after analysing the rest).")
        {
            cloudTrail, window, credentialReport, passwordPolicy, accountSummary, certificates, mfaDevices, resourcePolicies, outFile, failOn,
        };
        account.AddTo(command);
        command.SetAction(result =>
        {
            var printer = new DiagnosticPrinter(context.Error);
            if (ParseSpan(result.GetValue(window)!) is not { } span)
            {
                context.Error.WriteLine($"--window: '{result.GetValue(window)}' is not a span such as 90d, 12w or 2160h.");
                return ExitCodes.InputErrors;
            }

            // Every input that can be read is analysed; one with errors narrows the analysis and makes the exit code 2.
            if (!account.TryLoad(result, printer, context, out var access))
                access = null;
            var paths = result.GetValue(cloudTrail) ?? [];
            var activity = paths.Length == 0 ? null : ReadActivity(paths, printer);
            var hygiene = new HygieneInputs
            {
                AccountDetailsSource = result.GetValue(account.AccountData),
                CredentialReport = result.GetValue(credentialReport) is { } report ? CredentialReportReader.Read(report, printer) : null,
                PasswordPolicy = result.GetValue(passwordPolicy) is { } policy ? PasswordPolicyReader.Read(policy, printer) : null,
                AccountSummary = result.GetValue(accountSummary) is { } summary ? AccountSummaryReader.Read(summary, printer) : null,
                ServerCertificates = result.GetValue(certificates) is { } list ? ServerCertificateReader.Read(list, printer) : null,
                VirtualMfaDevices = result.GetValue(mfaDevices) is { } devices ? VirtualMfaDeviceReader.Read(devices, printer) : null,
            };
            var policies = (result.GetValue(resourcePolicies) ?? []).Select(given => ReadResourcePolicy(given, printer)).OfType<ResourcePolicyInput>().ToList();
            var input = new IamAnalysisInput { Access = access, Activity = activity, ActivityWindow = span, Hygiene = hygiene, ResourcePolicies = [.. policies] };
            var analysis = IamAnalyzer.Analyze(input, context.Time.GetUtcNow());
            Write(result.GetValue(account.Output)!, result.GetValue(outFile), analysis, context);
            if (printer.Errors > 0)
                return ExitCodes.InputErrors;
            if (result.GetValue(failOn) is { } threshold && analysis.AtLeast(ParseSeverity(threshold)) > 0)
                return ExitCodes.Hits;
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command GeneratePolicy(CliContext context)
    {
        var principal = new Argument<string>("principal") { Description = "User or role: its ARN, or its name when --account-data is given." };
        var cloudTrail = new Option<string[]>("--cloudtrail") { Description = "CloudTrail files or folders showing what the principal did.", Required = true, AllowMultipleArgumentsPerToken = true };
        var account = new IamAccountOptions(accountRequired: false, "json");
        var outFile = new Option<string?>("--out") { Description = "Write the policy to this file instead of standard output." };
        var command = new Command("generate-policy", "Write the least-privilege policy that covers what a principal did in CloudTrail, and how it differs from what it holds.")
        {
            principal, cloudTrail, outFile,
        };
        account.AddTo(command);
        command.SetAction(result =>
        {
            var printer = new DiagnosticPrinter(context.Error);
            if (!account.TryLoad(result, printer, context, out var access))
                return ExitCodes.InputErrors;
            var who = result.GetValue(principal)!;
            if (access is not null)
            {
                if (!access.TryFindPrincipal(who, out var arn, out var problem))
                {
                    context.Error.WriteLine($"rampart iam generate-policy: {problem}.");
                    return ExitCodes.InputErrors;
                }

                who = arn;
            }
            else if (!who.StartsWith("arn:", StringComparison.Ordinal))
            {
                context.Error.WriteLine("rampart iam generate-policy: give the principal's ARN, or --account-data to find it by name.");
                return ExitCodes.InputErrors;
            }

            var activity = ReadActivity(result.GetValue(cloudTrail) ?? [], printer);
            if (PolicyGenerator.Generate(access, who, activity) is not { } policy)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rampart iam generate-policy: {activity.Events:N0} CloudTrail events show no successful call by {who}; there is nothing to base a policy on."));
                return ExitCodes.InputErrors;
            }

            if (result.GetValue(outFile) is { } path)
                File.WriteAllText(path, policy.Json + "\n");
            else
                context.Out.WriteLine(policy.Json);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{who}: {policy.Kept.Length} actions in {policy.Statements.Length} statements, from {activity.Events:N0} events ({activity.From:yyyy-MM-dd} to {activity.To:yyyy-MM-dd})."));
            foreach (var kept in policy.Kept)
                context.Error.WriteLine($"  = {kept}");
            foreach (var removed in policy.Removed)
                context.Error.WriteLine($"  - {removed} (allowed today, unused in the trail)");
            foreach (var note in policy.Notes)
                context.Error.WriteLine($"  note: {note}");
            return ExitCodes.Success;
        });
        return command;
    }

    // FILE, or ARN=FILE when the file does not name its resource (get-bucket-policy output does not).
    private static ResourcePolicyInput? ReadResourcePolicy(string given, DiagnosticPrinter printer)
    {
        var equals = given.StartsWith("arn:", StringComparison.Ordinal) ? given.IndexOf('=', StringComparison.Ordinal) : -1;
        var (arn, path) = equals > 0 ? (given[..equals], given[(equals + 1)..]) : (null, given);
        if (!File.Exists(path))
        {
            printer.Report(new Core.Diagnostics.Diagnostic(Core.Diagnostics.DiagnosticSeverity.Error, "RESPOL001", "the resource policy file does not exist", new Core.Diagnostics.SourceLocation(path)));
            return null;
        }

        return ResourcePolicyInput.Read(File.ReadAllText(path), path, arn, printer);
    }

    private static IamActivity ReadActivity(IReadOnlyList<string> paths, DiagnosticPrinter printer)
    {
        var activity = new IamActivity();
        var readContext = new LogReadContext(printer);
        foreach (var file in LogFiles.Discover(paths, printer))
        {
            foreach (var record in LogReader.ReadFile(file, LogReadOptions.Default, readContext))
                activity.Observe(record);
        }

        return activity;
    }

    private static void Write(string output, string? outFile, IamAnalysisResult analysis, CliContext context)
    {
        if (output is "jsonl" or "ocsf")
        {
            using var stream = outFile is null ? context.OpenStandardOutput() : File.Create(outFile);
            if (output == "jsonl")
                IamFindingWriters.WriteJsonLines(stream, analysis);
            else
                IamFindingWriters.WriteOcsf(stream, analysis);
            stream.Flush();
            return;
        }

        using var file = outFile is null ? null : new StreamWriter(outFile);
        var writer = file ?? context.Out;
        if (output == "html")
            IamHtmlReport.Write(writer, analysis);
        else
            IamFindingWriters.WriteTable(writer, analysis);
        writer.Flush();
        if (outFile is not null)
            context.Error.WriteLine($"{IamFindingWriters.Summary(analysis)} Written to {outFile}.");
    }

    private static Severity ParseSeverity(string text) => Enum.Parse<Severity>(text, ignoreCase: true);

    // 90d, 12w, 2160h.
    private static TimeSpan? ParseSpan(string text)
    {
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            return null;
        return char.ToLowerInvariant(text[^1]) switch
        {
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            'w' => TimeSpan.FromDays(7 * count),
            _ => null,
        };
    }
}
