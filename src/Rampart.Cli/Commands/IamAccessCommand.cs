using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart iam can</c> and <c>rampart iam who-can</c>: questions over an account's authorization details.</summary>
internal static class IamAccessCommand
{
    private static readonly string[] Outputs = ["table", "json"];

    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Can(context);
        yield return WhoCan(context);
    }

    private static Command Can(CliContext context)
    {
        var principal = new Argument<string>("principal") { Description = "User or role: its ARN or its name." };
        var action = new Argument<string>("action") { Description = "Action, service:Name." };
        var resource = new Argument<string>("resource") { Description = "Resource ARN, or * for actions without one.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "*" };
        var shared = new SharedOptions();
        var command = new Command("can", "Whether a user or role of an account may perform an action on a resource, the conditions that still apply, and why. Exits 1 when it may not.")
        {
            principal, action, resource,
        };
        shared.AddTo(command);
        command.SetAction(result =>
        {
            var printer = new DiagnosticPrinter(context.Error);
            if (shared.Load(result, printer, context) is not { } access)
                return ExitCodes.InputErrors;
            if (!access.TryFindPrincipal(result.GetValue(principal)!, out var arn, out var problem))
            {
                context.Error.WriteLine($"rampart iam can: {problem}.");
                return ExitCodes.InputErrors;
            }

            var answer = access.Can(arn, result.GetValue(action)!, result.GetValue(resource)!);
            if (result.GetValue(shared.Output) == "json")
                WriteJson(context, json => AccessAnswerWriter.Write(json, answer, includeTrace: true));
            else
                WriteAnswer(context.Out, answer, result.GetValue(action)!, result.GetValue(resource)!, trace: true);
            return answer.IsAllowed ? ExitCodes.Success : ExitCodes.Denied;
        });
        return command;
    }

    private static Command WhoCan(CliContext context)
    {
        var action = new Argument<string>("action") { Description = "Action, service:Name." };
        var resource = new Argument<string>("resource") { Description = "Resource ARN, or * for actions without one.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "*" };
        var shared = new SharedOptions();
        var command = new Command("who-can", "Every user and role of an account that may perform an action on a resource, with the conditions that still apply.")
        {
            action, resource,
        };
        shared.AddTo(command);
        command.SetAction(result =>
        {
            var printer = new DiagnosticPrinter(context.Error);
            if (shared.Load(result, printer, context) is not { } access)
                return ExitCodes.InputErrors;
            var verb = result.GetValue(action)!;
            var target = result.GetValue(resource)!;
            var found = access.WhoCan(verb, target);
            var answers = found.Allowed;
            if (result.GetValue(shared.Output) == "json")
            {
                WriteJson(context, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("action", verb);
                    json.WriteString("resource", target);
                    if (access.Account.AccountId is { } account)
                        json.WriteString("account", account);
                    json.WriteNumber("principalsAsked", access.PrincipalCount);
                    json.WriteStartArray("principals");
                    foreach (var answer in answers)
                        AccessAnswerWriter.Write(json, answer, includeTrace: false);
                    json.WriteEndArray();
                    json.WriteStartArray("incomplete");
                    foreach (var answer in found.Uncertain)
                        AccessAnswerWriter.Write(json, answer, includeTrace: false);
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            WriteTable(context.Out, answers);
            var conditional = answers.Count(static a => a.Result.IsConditional);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{answers.Length} of {access.PrincipalCount} users and roles can {verb} on {target}; {conditional} of them only under conditions."));
            if (!found.Uncertain.IsEmpty)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{found.Uncertain.Length} more cannot as far as the export shows, but their policies are incomplete:"));
                foreach (var answer in found.Uncertain)
                    context.Out.WriteLine($"  {Kind(answer)} {answer.PrincipalName}: {string.Join("; ", answer.Gaps)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(CliContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(json);
        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    // One line per principal: kind, name, verdict, the first grant; then the conditions and notes, indented.
    private static void WriteTable(TextWriter output, ImmutableArray<AccessAnswer> answers)
    {
        var width = answers.Select(static a => a.PrincipalName.Length).DefaultIfEmpty(0).Max();
        foreach (var answer in answers)
        {
            var grants = AccessAnswerWriter.Grants(answer);
            var via = grants.IsEmpty ? "" : $"  via {grants[0].Statement.Policy} {grants[0].Statement.Statement}{(grants.Length > 1 ? $" (+{grants.Length - 1})" : "")}";
            output.WriteLine($"{Kind(answer)}  {answer.PrincipalName.PadRight(width)}  {Verdict(answer),-16}{via}");
            WriteConditions(output, answer, "    ");
        }
    }

    private static string Kind(AccessAnswer answer) => answer.Kind == AccessPrincipalKind.User ? "user" : "role";

    private static string Verdict(AccessAnswer answer) => answer.Result switch
    {
        { IsConditional: true } => "under conditions",
        { Decision: Decision.Allowed } => "allowed",
        { Decision: Decision.ExplicitlyDenied } => "explicitly denied",
        _ => "implicitly denied",
    };

    private static void WriteAnswer(TextWriter output, AccessAnswer answer, string action, string resource, bool trace)
    {
        output.WriteLine($"{Kind(answer)} {answer.PrincipalName} ({answer.PrincipalArn}): {action} on {resource}: {Verdict(answer)}");
        output.WriteLine($"  because {answer.Result.Trace.Reason}");
        foreach (var (layer, statement) in AccessAnswerWriter.Grants(answer))
            output.WriteLine($"  granted by {statement.Policy} {statement.Statement}{Sid(statement.Sid)} ({layer})");
        WriteConditions(output, answer, "  ");
        if (!trace)
            return;
        foreach (var layer in answer.Result.Trace.Layers)
        {
            output.WriteLine($"  {layer.Layer}: {layer.Result}");
            foreach (var statement in layer.Statements)
                output.WriteLine($"    {statement.Effect} {statement.Policy} {statement.Statement}{Sid(statement.Sid)}");
        }
    }

    private static void WriteConditions(TextWriter output, AccessAnswer answer, string indent)
    {
        var requirements = answer.Result.Requirements;
        foreach (var layer in requirements.Where(static r => r.Effect == PolicyEffect.Allow).GroupBy(static r => r.Layer))
        {
            output.WriteLine(layer.Count() == 1 ? $"{indent}only when ({layer.Key}):" : $"{indent}only when one of these holds ({layer.Key}):");
            foreach (var requirement in layer)
                output.WriteLine($"{indent}  {requirement.Describe()}   [{requirement.Policy} {requirement.Statement}{Sid(requirement.Sid)}]");
        }

        var denies = requirements.Where(static r => r.Effect == PolicyEffect.Deny).ToList();
        if (denies.Count > 0)
        {
            output.WriteLine($"{indent}unless one of these holds (then a Deny applies):");
            foreach (var requirement in denies)
                output.WriteLine($"{indent}  {requirement.Describe()}   [{requirement.Layer}: {requirement.Policy} {requirement.Statement}{Sid(requirement.Sid)}]");
        }

        foreach (var gap in answer.Gaps)
            output.WriteLine($"{indent}note: {gap}");
    }

    private static string Sid(string? sid) => sid is null ? "" : $" (Sid {sid})";

    /// <summary>The options both questions take: the account data, organisation policies, a resource policy, context.</summary>
    private sealed class SharedOptions
    {
        public Option<string> AccountData { get; } = new("--account-data") { Description = "Output of 'aws iam get-account-authorization-details' (JSON, either shape).", Required = true };

        public Option<string[]> ManagedPolicies { get; } = new("--managed-policies") { Description = "Managed policies to fill in those the export attaches but lacks: another export (such as 'aws iam get-account-authorization-details --filter AWSManagedPolicy') or a JSON object of names to {arn, document}; repeatable." };

        public Option<string[]> Scp { get; } = new("--scp") { Description = "Service control policy files of one level, comma-separated, from the root down; repeat per level." };

        public Option<string[]> Rcp { get; } = new("--rcp") { Description = "Resource control policy files of one level, comma-separated, from the root down; repeat per level." };

        public Option<string?> ResourcePolicy { get; } = new("--resource-policy") { Description = "The resource's policy (bucket, key, queue…). For sts:AssumeRole on a role of the account its trust policy is used." };

        public Option<string?> ResourceAccount { get; } = new("--resource-account") { Description = "Account owning the resource when its ARN names none (default: the account's own)." };

        public Option<string[]> Context { get; } = new("--context") { Description = "Context key known for every request, KEY=VALUE; repeat a key for several values." };

        public Option<bool> ClosedContext { get; } = new("--closed-context") { Description = "Treat keys not given with --context as absent instead of listing the conditions on them." };

        public Option<string> Output { get; } = new("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };

        public void AddTo(Command command)
        {
            Output.AcceptOnlyFromAmong(Outputs);
            foreach (var option in new Option[] { AccountData, ManagedPolicies, Scp, Rcp, ResourcePolicy, ResourceAccount, Context, ClosedContext, Output })
                command.Options.Add(option);
        }

        // Reads everything; null (after printing every problem) when something could not be used.
        public AccountAccess? Load(ParseResult result, DiagnosticPrinter printer, CliContext context)
        {
            var file = result.GetValue(AccountData)!;
            if (!File.Exists(file))
            {
                context.Error.WriteLine($"{file}: AUTHZ001: the file does not exist.");
                return null;
            }

            var libraries = (result.GetValue(ManagedPolicies) ?? []).Select(path => ManagedPolicyLibrary.Read(path, printer)).ToList();
            var library = libraries.Count switch
            {
                0 => null,
                1 => libraries[0],
                _ => ManagedPolicyLibrary.From(libraries.SelectMany(static l => l.Policies)),
            };
            if (printer.Errors > 0)
                return null;
            var account = AccountAuthorizationReader.Read(file, printer, library);
            var errors = printer.Errors;
            var scps = Levels(result.GetValue(Scp) ?? [], PolicyKind.ServiceControl, printer);
            var rcps = Levels(result.GetValue(Rcp) ?? [], PolicyKind.ResourceControl, printer);
            var resourcePolicy = result.GetValue(ResourcePolicy) is { } path ? Read(path, PolicyKind.Resource, printer) : null;
            var contextKeys = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in result.GetValue(Context) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    printer.Report(new Diagnostic(DiagnosticSeverity.Error, "IAMQ001", "expected KEY=VALUE", new SourceLocation($"--context {pair}")));
                    continue;
                }

                var key = pair[..equals];
                contextKeys[key] = contextKeys.TryGetValue(key, out var values) ? values.Add(pair[(equals + 1)..]) : [pair[(equals + 1)..]];
            }

            // Problems inside the export's own policies are reported as they are met, and leave only the answers they touch incomplete.
            if (printer.Errors > errors || (account.Users.IsEmpty && account.Roles.IsEmpty && printer.Errors > 0))
                return null;
            return AccountAccess.Create(account, new AccessOptions
            {
                ServiceControlPolicies = scps,
                ResourceControlPolicies = rcps,
                ResourcePolicy = resourcePolicy,
                ResourceAccount = result.GetValue(ResourceAccount),
                Context = contextKeys.ToImmutable(),
                ClosedContext = result.GetValue(ClosedContext),
            }, printer);
        }

        private static ImmutableArray<ImmutableArray<PolicyDocument>> Levels(string[] levels, PolicyKind kind, IDiagnosticSink sink) =>
        [
            .. levels.Select(level => level.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(path => Read(path, kind, sink)).OfType<PolicyDocument>().ToImmutableArray()),
        ];

        // A policy file holds the document itself, or the output of 'aws organizations describe-policy' ({"Policy": {"Content": "…"}}).
        private static PolicyDocument? Read(string path, PolicyKind kind, IDiagnosticSink sink)
        {
            if (!File.Exists(path))
            {
                sink.Report(new Diagnostic(DiagnosticSeverity.Error, "IAMQ002", "the policy file does not exist", new SourceLocation(path)));
                return null;
            }

            var text = File.ReadAllText(path);
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("Policy", out var policy) && policy.ValueKind == JsonValueKind.Object
                    && policy.TryGetProperty("Content", out var content) && content.ValueKind == JsonValueKind.String)
                {
                    var name = policy.TryGetProperty("PolicySummary", out var summary) && summary.ValueKind == JsonValueKind.Object
                        && summary.TryGetProperty("Name", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
                    return PolicyDocument.Parse(content.GetString()!, name is null ? path : $"{path} (policy {name})", kind, sink);
                }
            }
            catch (JsonException)
            {
                // The policy parser reports it with its line and column.
            }

            return PolicyDocument.Parse(text, path, kind, sink);
        }
    }
}
