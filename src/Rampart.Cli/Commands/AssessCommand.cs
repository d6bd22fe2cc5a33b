using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Assessment;
using Rampart.Posture.Assessment.Output;
using Rampart.Posture.Checks;
using Rampart.Posture.Drift;
using Rampart.Posture.Frameworks;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;
using Rampart.Posture.Muting;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart assess</c>: checks an inventory against checklists kept as code, and reports drift from a baseline.</summary>
internal static class AssessCommand
{
    private static readonly string[] Outputs = ["table", "jsonl", "ocsf", "asff", "csv", "sarif", "html"];
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = "AWS CLI export directories, AWS Config files, or recorded responses.", Arity = ArgumentArity.OneOrMore };
        var checks = new Option<string[]>("--checks") { Description = "Check files or directories (default: the checks shipped with rampart).", AllowMultipleArgumentsPerToken = true };
        var framework = new Option<string?>("--framework") { Description = "Only checks mapped to this framework (cis-aws-3.0, aws-fsbp, wa-sec); adds its score." };
        var mutes = new Option<string?>("--mutes") { Description = "Mute file: failures accepted by check and resource glob, account, region or tag, with reason and expiry." };
        var baseline = new Option<string[]>("--baseline") { Description = "The earlier inventory to compare with: resources created, deleted and changed, and checks that flipped.", AllowMultipleArgumentsPerToken = true };
        var at = new Option<string?>("--at") { Description = "Assess the state at this instant: of AWS Config histories, each resource's last item captured at or before it. ISO 8601 date (00:00 UTC) or date-time, UTC unless an offset is given. Default: the latest." };
        var baselineAt = new Option<string?>("--baseline-at") { Description = "Compare with the state of the same inputs at this earlier instant (same form as --at): drift and flipped checks between the two dates. Not with --baseline." };
        var output = new Option<string>("--output", "-o") { Description = string.Join(", ", Outputs) + ".", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong(Outputs);
        var outFile = new Option<string?>("--out") { Description = "Write results to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a failure (not muted) is at least this severe." };
        var verbose = new Option<bool>("--verbose") { Description = "List every input file that is not mapped to resources, instead of counting them." };
        failOn.AcceptOnlyFromAmong(Severities);
        var command = new Command("assess", "Check resources against checklists kept as code (CIS, FSBP, Well-Architected) and report drift from a baseline, or between two dates of an AWS Config history (--baseline-at, --at). Exits 2 when an input had errors (after assessing the rest).")
        {
            inputs, checks, framework, mutes, baseline, at, baselineAt, output, outFile, failOn, verbose,
        };
        command.SetAction(result =>
        {
            if (!TryInstant(result.GetValue(at), "--at", context, out var currentAt) || !TryInstant(result.GetValue(baselineAt), "--baseline-at", context, out var earlierAt))
                return ExitCodes.InputErrors;
            var baselineInputs = result.GetValue(baseline) ?? [];
            if (earlierAt is not null && baselineInputs.Length > 0)
                return Usage(context, "--baseline and --baseline-at cannot be used together: --baseline compares with other inputs, --baseline-at with the same inputs at an earlier date.");
            if (earlierAt is { } from && currentAt is { } to && from > to)
                return Usage(context, string.Create(CultureInfo.InvariantCulture, $"--baseline-at ({from:yyyy-MM-dd'T'HH:mm:ss'Z'}) is after --at ({to:yyyy-MM-dd'T'HH:mm:ss'Z'}); the baseline is the earlier state."));

            var printer = new DiagnosticPrinter(context.Error);
            var now = context.Time.GetUtcNow();
            var content = Path.Combine(AppContext.BaseDirectory, "content");
            var loaded = result.GetValue(checks) is { Length: > 0 } paths
                ? CheckLoader.LoadFiles(ExpandChecks(paths))
                : CheckLoader.LoadDirectory(Path.Combine(content, "checks"));
            foreach (var diagnostic in loaded.Diagnostics)
                printer.Report(diagnostic);
            var catalog = FrameworkCatalog.Load(Path.Combine(content, "frameworks"), printer);
            var definitions = loaded.Checks;
            Framework? chosen = null;
            if (result.GetValue(framework) is { } id)
            {
                chosen = catalog.Find(id);
                if (chosen is null)
                {
                    context.Error.WriteLine($"--framework: no framework '{id}'; there are {string.Join(", ", catalog.Frameworks.Select(static f => f.Id))}.");
                    return ExitCodes.InputErrors;
                }

                definitions = [.. definitions.Where(d => d.Frameworks.ContainsKey(id))];
            }

            var pack = CheckPack.Compile(definitions);
            var muteList = result.GetValue(mutes) is { } muteFile ? MuteList.Read(muteFile, now, printer) : MuteList.Empty;
            // Exports hold many calls no check reads: those files are counted, and listed only with --verbose.
            var importSink = result.GetValue(verbose) ? (IDiagnosticSink)printer : new UnmappedCounter(printer);
            var asOf = new InventoryImportOptions { AsOf = currentAt };
            ResourceInventory current;
            ResourceInventory? before = null;
            if (earlierAt is { } then)
            {
                var views = InventoryImporters.Import(result.GetValue(inputs)!, [new InventoryImportOptions { AsOf = then }, asOf], importSink);
                (before, current) = (views[0], views[1]);
            }
            else
            {
                current = InventoryImporters.Import(result.GetValue(inputs)!, asOf, importSink);
                if (baselineInputs.Length > 0)
                    before = InventoryImporters.Import(baselineInputs, importSink);
            }

            var report = before is not null
                ? AssessmentRunner.Run(before, current, pack, muteList, now)
                : AssessmentRunner.Run(current, pack, muteList, now);
            if (importSink is UnmappedCounter { Count: > 0 } counter)
                context.Error.WriteLine($"{counter.Count} input files hold calls no importer maps to resources; --verbose lists them.");
            var titles = definitions.ToDictionary(static d => d.Id, static d => d.Title, StringComparer.Ordinal);
            var score = chosen is null ? null : AssessmentScores.Score(chosen, report);
            IEnumerable<FrameworkScore> scores = score is not null ? [score] : AssessmentScores.Score(catalog.Frameworks, definitions.Select(static d => d.Id), report);
            var document = new AssessmentDocument(report, definitions, now, scores) { HasBaseline = before is not null };
            Write(result.GetValue(output)!, result.GetValue(outFile), document, titles, score, current.Count, pack.Checks.Length, context);
            if (printer.Errors > 0)
                return ExitCodes.InputErrors;
            if (result.GetValue(failOn) is { } threshold && report.FailuresAtLeast(Enum.Parse<Severity>(threshold, ignoreCase: true)) > 0)
                return ExitCodes.Hits;
            return ExitCodes.Success;
        });
        return command;
    }

    // False, reported, for text that is not an instant; true with null when the option is not given.
    private static bool TryInstant(string? text, string option, CliContext context, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
            return true;
        if (TimeArgument.TryParseInstant(text, out var instant))
        {
            value = instant;
            return true;
        }

        Usage(context, $"{option}: '{text}' is not an ISO 8601 date or date-time, such as 2024-05-01 or 2024-05-01T12:00:00Z.");
        return false;
    }

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine("rampart assess: " + message);
        return ExitCodes.InputErrors;
    }

    private static IEnumerable<string> ExpandChecks(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path]);

    private static void Write(string output, string? outFile, AssessmentDocument document, Dictionary<string, string> titles, FrameworkScore? score, int resources, int checks, CliContext context)
    {
        var report = document.Report;
        if (output is "ocsf" or "asff" or "sarif")
        {
            using var stream = outFile is null ? context.OpenStandardOutput() : File.Create(outFile);
            Action<Stream, AssessmentDocument> write = output switch
            {
                "ocsf" => AssessmentOcsfWriter.Write,
                "asff" => AssessmentAsffWriter.Write,
                _ => AssessmentSarifWriter.Write,
            };
            write(stream, document);
            stream.Flush();
            context.Error.WriteLine(Summary(report, resources, checks));
            return;
        }

        using var file = outFile is null ? null : new StreamWriter(outFile);
        var writer = file ?? context.Out;
        switch (output)
        {
            case "html":
                AssessmentHtmlReport.Write(writer, document);
                break;
            case "jsonl":
                foreach (var result in report.Results)
                    writer.WriteLine(Json(result, titles));
                foreach (var change in report.Changes)
                    writer.WriteLine(Json(change));
                foreach (var flip in report.Flipped)
                    writer.WriteLine(Json(flip));
                break;
            case "csv":
                writer.WriteLine("check_id,status,severity,resource,resource_type,account,region,controls,mute_reason");
                foreach (var r in report.Results)
                {
                    writer.WriteLine(string.Join(",", new[]
                    {
                        r.Result.CheckId, r.Status, Severity(r.Result), r.Result.ResourceKey, r.Resource.Type, r.Resource.Account, r.Resource.Region,
                        string.Join(' ', r.Result.Controls), r.Mute?.Reason ?? "",
                    }.Select(Csv)));
                }

                break;
            default:
                Table(writer, report, titles, score);
                break;
        }

        var summary = Summary(report, resources, checks);
        if (output == "table" && outFile is null)
            writer.WriteLine(summary);
        else
            context.Error.WriteLine(summary);
        writer.Flush();
    }

    private static string Summary(AssessmentReport report, int resources, int checks)
    {
        int Count(string status) => report.Results.Count(r => r.Status == status);
        var drift = report.Changes.IsEmpty && report.Flipped.IsEmpty
            ? "."
            : string.Create(CultureInfo.InvariantCulture, $"; {report.Changes.Length} resources drifted, {report.Flipped.Length} results flipped ({report.Evaluated} resources evaluated).");
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Results.Length} results of {checks} checks on {resources} resources: {Count("PASS")} passed, {Count("FAIL")} failed, {Count("MUTED")} muted, {Count("ERROR")} errors") + drift;
    }

    private static void Table(TextWriter writer, AssessmentReport report, Dictionary<string, string> titles, FrameworkScore? score)
    {
        foreach (var result in report.Results.Where(static r => r.Status is "FAIL" or "ERROR" or "MUTED"))
        {
            writer.WriteLine($"{result.Status,-6} {Severity(result.Result),-13} {result.Result.CheckId}  {result.Result.ResourceKey}");
            writer.WriteLine($"       {titles.GetValueOrDefault(result.Result.CheckId)}{(result.Result.Controls.IsEmpty ? "" : "  [" + string.Join(", ", result.Result.Controls) + "]")}");
            foreach (var evidence in result.Result.Evidence)
                writer.WriteLine($"       {evidence.Path} = {(evidence.Value.ValueKind == JsonValueKind.Undefined ? "(absent)" : Display(evidence.Value))}");
            if (result.Result.Error is { } error)
                writer.WriteLine($"       error: {error}");
            if (result.Mute is { } mute)
                writer.WriteLine($"       muted: {mute.Reason}{(mute.Expires is { } until ? $" (until {until:yyyy-MM-dd})" : "")}");
        }

        foreach (var change in report.Changes)
        {
            writer.WriteLine($"{change.Kind.ToString().ToUpperInvariant(),-8} {change.Type}  {change.Key}");
            foreach (var field in change.Fields.Take(20))
                writer.WriteLine($"         {field.Pointer}{(field.Identity is { } id ? $" ({id})" : "")}: {field.Before ?? "(none)"} → {field.After ?? "(none)"}");
        }

        foreach (var flip in report.Flipped)
            writer.WriteLine($"FLIPPED  {flip.CheckId}  {flip.ResourceKey}: {flip.Before ?? "(new)"} → {flip.After ?? "(gone)"}");
        if (score is not null)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Framework.Name}: {score.Score.Passed} of {score.Score.Assessed} assessed controls pass{(score.Score.Ratio is { } ratio ? $" ({ratio:P0})" : "")}"));
            foreach (var section in score.Sections.Where(static s => s.Score.Assessed > 0))
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {section.Section.Id} {section.Section.Title}: {section.Score.Passed}/{section.Score.Assessed}"));
        }
    }

    // Evidence as JSON for a person: characters such as `'` and `<` as themselves, not escaped.
    private static string Display(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            value.WriteTo(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Severity(CheckResult result) => result.Severity.ToString().ToLowerInvariant();

    private static string Json(AssessedResult result, Dictionary<string, string> titles)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("checkId", result.Result.CheckId);
            json.WriteString("title", titles.GetValueOrDefault(result.Result.CheckId));
            json.WriteString("resource", result.Result.ResourceKey);
            json.WriteString("resourceType", result.Resource.Type);
            json.WriteString("account", result.Resource.Account);
            json.WriteString("region", result.Resource.Region);
            json.WriteString("status", result.Status);
            json.WriteString("severity", Severity(result.Result));
            json.WriteStartArray("evidence");
            foreach (var evidence in result.Result.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("path", evidence.Path);
                json.WritePropertyName("value");
                if (evidence.Value.ValueKind == JsonValueKind.Undefined)
                    json.WriteNullValue();
                else
                    evidence.Value.WriteTo(json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("controls");
            foreach (var control in result.Result.Controls)
                json.WriteStringValue(control);
            json.WriteEndArray();
            if (result.Result.Error is { } error)
                json.WriteString("error", error);
            if (result.Mute is { } mute)
            {
                json.WriteStartObject("mute");
                json.WriteString("reason", mute.Reason);
                if (mute.Expires is { } expires)
                    json.WriteString("expires", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("location", mute.Location.ToString());
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Json(ResourceChange change)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("change", change.Kind.ToString().ToLowerInvariant());
            json.WriteString("resource", change.Key);
            json.WriteString("resourceType", change.Type);
            json.WriteStartArray("fields");
            foreach (var field in change.Fields)
            {
                json.WriteStartObject();
                json.WriteString("pointer", field.Pointer);
                if (field.Identity is { } identity)
                    json.WriteString("identity", identity);
                if (field.Before is { } before)
                    json.WriteString("before", before);
                if (field.After is { } after)
                    json.WriteString("after", after);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Json(FlippedCheck flip)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("flipped", true);
            json.WriteString("checkId", flip.CheckId);
            json.WriteString("resource", flip.ResourceKey);
            json.WriteString("before", flip.Before);
            json.WriteString("after", flip.After);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Passes diagnostics on, except unmapped-file notes, which it counts.</summary>
    private sealed class UnmappedCounter(IDiagnosticSink inner) : IDiagnosticSink
    {
        public int Count { get; private set; }

        public void Report(Diagnostic diagnostic)
        {
            if (diagnostic.Code == InventoryDiagnostics.UnmappedFileCode && diagnostic.Severity == DiagnosticSeverity.Info)
                Count++;
            else
                inner.Report(diagnostic);
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
