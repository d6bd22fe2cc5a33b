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
        var shared = new IamAccountOptions();
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
        var shared = new IamAccountOptions();
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
}
