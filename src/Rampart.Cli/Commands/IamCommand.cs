using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Simulation;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart iam</c>, and its <c>simulate</c>: decides requests against IAM policies exactly as AWS does, with the trace of why.</summary>
internal static class IamCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string?>("input") { Description = "JSON input file ('-' for standard input); with --batch, JSON lines, one input per line.", Arity = ArgumentArity.ZeroOrOne };
        var batch = new Option<bool>("--batch") { Description = "Read JSON lines and write one result line per input." };
        var principal = new Option<string?>("--principal") { Description = "Caller ARN (user, role, assumed-role session), service principal, or * for anonymous." };
        var action = new Option<string?>("--action") { Description = "Action, service:Name." };
        var resource = new Option<string?>("--resource") { Description = "Resource ARN, or * (default)." };
        var resourceAccount = new Option<string?>("--resource-account") { Description = "Account owning the resource (default: from the ARN, else the caller's)." };
        var contextKeys = new Option<string[]>("--context") { Description = "Context key and value, KEY=VALUE; repeat a key for several values." };
        var identity = new Option<string[]>("--identity-policy") { Description = "Identity policy file; repeat for several." };
        var resourcePolicy = new Option<string?>("--resource-policy") { Description = "Resource policy file (bucket, key, queue, trust policy…)." };
        var boundary = new Option<string?>("--permission-boundary") { Description = "Permissions boundary policy file." };
        var session = new Option<string?>("--session-policy") { Description = "Session policy file." };
        var scp = new Option<string[]>("--scp") { Description = "Service control policy files of one level, comma-separated, from the root down; repeat per level." };
        var rcp = new Option<string[]>("--rcp") { Description = "Resource control policy files of one level, comma-separated, from the root down; repeat per level." };
        var endpoint = new Option<string?>("--vpc-endpoint-policy") { Description = "VPC endpoint policy file." };
        var simulate = new Command("simulate", "Decide requests against IAM policies as AWS does, with the trace of why. Exits 2 when an input has errors.")
        {
            input, batch, principal, action, resource, resourceAccount, contextKeys, identity, resourcePolicy, boundary, session, scp, rcp, endpoint,
        };
        simulate.SetAction(result =>
        {
            if (result.GetValue(batch))
                return Batch(result.GetValue(input) ?? "-", context);
            if (result.GetValue(input) is { } file)
                return Single(File.Exists(file) || file == "-" ? ReadAll(file) : null, file, context);
            if (result.GetValue(principal) is not { } caller || result.GetValue(action) is not { } verb)
            {
                context.Error.WriteLine("rampart iam simulate: give an input file, --batch, or --principal and --action (see 'rampart iam simulate --help').");
                return ExitCodes.InputErrors;
            }

            var json = FromFlags(caller, verb, result.GetValue(resource) ?? "*", result.GetValue(resourceAccount), result.GetValue(contextKeys) ?? [],
                result.GetValue(identity) ?? [], result.GetValue(resourcePolicy), result.GetValue(boundary), result.GetValue(session),
                result.GetValue(scp) ?? [], result.GetValue(rcp) ?? [], result.GetValue(endpoint), context);
            return json is null ? ExitCodes.InputErrors : Single(json, "flags", context);
        });
        var iam = new Command("iam", "Evaluate and lint IAM policies: simulate requests, ask who can do what in an account.") { simulate, IamLintCommand.Create(context) };
        foreach (var question in IamAccessCommand.Create(context).Concat(IamAnalyzeCommand.Create(context)))
            iam.Subcommands.Add(question);
        return iam;
    }

    private static string ReadAll(string file) => file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);

    private static int Single(string? json, string origin, CliContext context)
    {
        if (json is null)
        {
            context.Error.WriteLine($"{origin}: SIM001: the file does not exist.");
            return ExitCodes.InputErrors;
        }

        var diagnostics = new DiagnosticBag();
        var simulation = SimulationReader.Read(json, origin, diagnostics);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (simulation is null)
                SimulationResultWriter.WriteErrors(writer, SimulationReader.IdOf(json), diagnostics.ToImmutableArray());
            else
                SimulationResultWriter.WriteResult(writer, simulation.Id, PolicyEvaluator.Evaluate(simulation.Request, simulation.Policies));
        }

        context.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        return simulation is null ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private static int Batch(string file, CliContext context)
    {
        TextReader reader;
        if (file == "-")
        {
            reader = Console.In;
        }
        else if (File.Exists(file))
        {
            reader = File.OpenText(file);
        }
        else
        {
            context.Error.WriteLine($"{file}: SIM001: the file does not exist.");
            return ExitCodes.InputErrors;
        }

        var failed = 0;
        using (reader)
        {
            var buffer = new MemoryStream();
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var diagnostics = new DiagnosticBag();
                var simulation = SimulationReader.Read(line, $"{(file == "-" ? "stdin" : file)}:{lineNumber}", diagnostics);
                buffer.SetLength(0);
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    if (simulation is null)
                    {
                        failed++;
                        SimulationResultWriter.WriteErrors(writer, SimulationReader.IdOf(line), diagnostics.ToImmutableArray());
                    }
                    else
                    {
                        SimulationResultWriter.WriteResult(writer, simulation.Id, PolicyEvaluator.Evaluate(simulation.Request, simulation.Policies));
                    }
                }

                context.Out.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
        }

        if (failed > 0)
            context.Error.WriteLine($"rampart iam simulate: {failed} inputs had errors; their lines carry them.");
        return failed > 0 ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    // The flags build the same input document the file form takes, so both go through one reader.
    private static string? FromFlags(string principal, string action, string resource, string? resourceAccount, IReadOnlyList<string> contextKeys,
        IReadOnlyList<string> identity, string? resourcePolicy, string? boundary, string? session, IReadOnlyList<string> scp, IReadOnlyList<string> rcp,
        string? endpoint, CliContext context)
    {
        var missing = identity.Concat(scp.SelectMany(Split)).Concat(rcp.SelectMany(Split))
            .Concat(new[] { resourcePolicy, boundary, session, endpoint }.OfType<string>()).Where(path => !File.Exists(path)).ToList();
        foreach (var path in missing)
            context.Error.WriteLine($"{path}: SIM001: the policy file does not exist.");
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in contextKeys)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                context.Error.WriteLine($"--context {pair}: SIM001: expected KEY=VALUE.");
                missing.Add(pair);
                continue;
            }

            if (!values.TryGetValue(pair[..equals], out var list))
                values[pair[..equals]] = list = [];
            list.Add(pair[(equals + 1)..]);
        }

        if (missing.Count > 0)
            return null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("request");
            json.WriteString("principal", principal);
            json.WriteString("action", action);
            json.WriteString("resource", resource);
            if (resourceAccount is not null)
                json.WriteString("resourceAccount", resourceAccount);
            json.WriteStartObject("context");
            foreach (var (key, list) in values)
            {
                json.WriteStartArray(key);
                foreach (var value in list)
                    json.WriteStringValue(value);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("identityPolicies");
            foreach (var path in identity)
                json.WriteStringValue(File.ReadAllText(path));
            json.WriteEndArray();
            void Document(string name, string? path)
            {
                if (path is not null)
                    json.WriteString(name, File.ReadAllText(path));
            }

            void Levels(string name, IReadOnlyList<string> levels)
            {
                json.WriteStartArray(name);
                foreach (var level in levels)
                {
                    json.WriteStartArray();
                    foreach (var path in Split(level))
                        json.WriteStringValue(File.ReadAllText(path));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            Document("resourcePolicy", resourcePolicy);
            Document("permissionBoundary", boundary);
            Document("sessionPolicy", session);
            Document("vpcEndpointPolicy", endpoint);
            Levels("serviceControlPolicies", scp);
            Levels("resourceControlPolicies", rcp);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string[] Split(string level) => [.. level.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
