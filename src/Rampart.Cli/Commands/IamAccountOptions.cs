using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Policies;

namespace Rampart.Cli.Commands;

/// <summary>The options questions over an account take: the account data, organisation policies, a resource policy, context.</summary>
internal sealed class IamAccountOptions
{
    private readonly string[] _outputs;

    /// <summary>Creates the options; <paramref name="outputs"/> are the values <c>--output</c> takes, the first the default.</summary>
    public IamAccountOptions(bool accountRequired = true, params string[] outputs)
    {
        _outputs = outputs.Length == 0 ? ["table", "json"] : outputs;
        AccountData = new("--account-data") { Description = "Output of 'aws iam get-account-authorization-details' (JSON, either shape).", Required = accountRequired };
        Output = new("--output", "-o") { Description = string.Join(", ", _outputs) + ".", DefaultValueFactory = _ => _outputs[0] };
    }

    public Option<string> AccountData { get; }

    public Option<string[]> ManagedPolicies { get; } = new("--managed-policies") { Description = "Managed policies to fill in those the export attaches but lacks: another export (such as 'aws iam get-account-authorization-details --filter AWSManagedPolicy') or a JSON object of names to {arn, document}; repeatable." };

    public Option<string[]> Scp { get; } = new("--scp") { Description = "Service control policy files of one level, comma-separated, from the root down; repeat per level." };

    public Option<string[]> Rcp { get; } = new("--rcp") { Description = "Resource control policy files of one level, comma-separated, from the root down; repeat per level." };

    public Option<string?> ResourcePolicy { get; } = new("--resource-policy") { Description = "The resource's policy (bucket, key, queue…). For sts:AssumeRole on a role of the account its trust policy is used." };

    public Option<string?> ResourceAccount { get; } = new("--resource-account") { Description = "Account owning the resource when its ARN names none (default: the account's own)." };

    public Option<string[]> Context { get; } = new("--context") { Description = "Context key known for every request, KEY=VALUE; repeat a key for several values." };

    public Option<bool> ClosedContext { get; } = new("--closed-context") { Description = "Treat keys not given with --context as absent instead of listing the conditions on them." };

    public Option<string> Output { get; }

    public void AddTo(Command command)
    {
        Output.AcceptOnlyFromAmong(_outputs);
        foreach (var option in new Option[] { AccountData, ManagedPolicies, Scp, Rcp, ResourcePolicy, ResourceAccount, Context, ClosedContext, Output })
            command.Options.Add(option);
    }

    // Reads everything; null (after printing every problem) when something could not be used.
    public AccountAccess? Load(ParseResult result, DiagnosticPrinter printer, CliContext context) =>
        TryLoad(result, printer, context, out var access) ? access : null;

    // False (after printing every problem) when something could not be used; true with null when no account data was given.
    public bool TryLoad(ParseResult result, DiagnosticPrinter printer, CliContext context, out AccountAccess? access)
    {
        access = null;
        if (result.GetValue(AccountData) is not { } file)
            return true;
        if (!File.Exists(file))
        {
            context.Error.WriteLine($"{file}: AUTHZ001: the file does not exist.");
            return false;
        }

        var libraries = (result.GetValue(ManagedPolicies) ?? []).Select(path => ManagedPolicyLibrary.Read(path, printer)).ToList();
        var library = libraries.Count switch
        {
            0 => null,
            1 => libraries[0],
            _ => ManagedPolicyLibrary.From(libraries.SelectMany(static l => l.Policies)),
        };
        if (printer.Errors > 0)
            return false;
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
            return false;
        access = AccountAccess.Create(account, new AccessOptions
        {
            ServiceControlPolicies = scps,
            ResourceControlPolicies = rcps,
            ResourcePolicy = resourcePolicy,
            ResourceAccount = result.GetValue(ResourceAccount),
            Context = contextKeys.ToImmutable(),
            ClosedContext = result.GetValue(ClosedContext),
        }, printer);
        return true;
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
