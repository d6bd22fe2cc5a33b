using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Simulation;

/// <summary>
/// Reads simulation inputs: <c>{"id", "request": {"principal", "action", "resource", "resourceAccount", "context"},
/// "identityPolicies", "resourcePolicy", "permissionBoundary", "sessionPolicy", "serviceControlPolicies",
/// "resourceControlPolicies", "vpcEndpointPolicy"}</c>. Every problem is reported with its JSON path; nothing throws.
/// </summary>
public static class SimulationReader
{
    /// <summary>Input diagnostic: the input is not an object of the documented shape. Policies' own problems carry IAM codes.</summary>
    public const string BadInput = "SIM001";

    private static readonly string[] Known =
        ["id", "request", "identityPolicies", "resourcePolicy", "permissionBoundary", "sessionPolicy", "serviceControlPolicies", "resourceControlPolicies", "vpcEndpointPolicy"];

    private static readonly string[] KnownRequest = ["principal", "action", "resource", "resourceAccount", "context"];

    /// <summary>Reads one input from its JSON text; <paramref name="origin"/> names it in diagnostics (such as <c>batch.jsonl line 3</c>).</summary>
    public static Simulation? Read(string json, string origin, IDiagnosticSink diagnostics)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(diagnostics);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Read(document.RootElement, origin, diagnostics);
        }
        catch (JsonException error)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, BadInput, $"the input is not JSON: {error.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ')}",
                new SourceLocation(origin, 0, (error.BytePositionInLine ?? 0) + 1)));
            return null;
        }
    }

    /// <summary>The <c>id</c> of an input as JSON text, read even from inputs that fail, so their error lines can carry it.</summary>
    public static string? IdOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) ? id.GetRawText() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one input.</summary>
    public static Simulation? Read(JsonElement root, string origin, IDiagnosticSink diagnostics)
    {
        Core.Guard.NotNull(diagnostics);
        var errors = new CountingSink(diagnostics);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Error(origin, "$", "an input is a JSON object");
            return null;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name, StringComparer.Ordinal))
                errors.Error(origin, "$." + property.Name, $"'{property.Name}' is not an input field; expected one of {string.Join(", ", Known)}");
        }

        var request = ReadRequest(root, origin, errors);
        var policies = new PolicySet
        {
            Identity = Many(root, "identityPolicies", PolicyKind.Identity, origin, errors),
            Resource = One(root, "resourcePolicy", ResourceKind(request), origin, errors),
            PermissionBoundary = One(root, "permissionBoundary", PolicyKind.PermissionBoundary, origin, errors),
            Session = One(root, "sessionPolicy", PolicyKind.Session, origin, errors),
            ServiceControl = Levels(root, "serviceControlPolicies", PolicyKind.ServiceControl, origin, errors),
            ResourceControl = Levels(root, "resourceControlPolicies", PolicyKind.ResourceControl, origin, errors),
            VpcEndpoint = One(root, "vpcEndpointPolicy", PolicyKind.VpcEndpoint, origin, errors),
        };
        if (errors.Count > 0 || request is null)
            return null;
        return new Simulation(root.TryGetProperty("id", out var id) ? id.GetRawText() : null, request, policies);
    }

    // A role's policy is its trust policy when the request is to assume it.
    private static PolicyKind ResourceKind(AuthorizationRequest? request) =>
        request is not null && request.Resource.Contains(":role/", StringComparison.Ordinal) && request.Action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase)
            ? PolicyKind.Trust
            : PolicyKind.Resource;

    private static AuthorizationRequest? ReadRequest(JsonElement root, string origin, CountingSink errors)
    {
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            errors.Error(origin, "$.request", "the input has no request object");
            return null;
        }

        foreach (var property in request.EnumerateObject())
        {
            if (!KnownRequest.Contains(property.Name, StringComparer.Ordinal))
                errors.Error(origin, "$.request." + property.Name, $"'{property.Name}' is not a request field; expected one of {string.Join(", ", KnownRequest)}");
        }

        string? Text(string name, bool required)
        {
            if (!request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    errors.Error(origin, "$.request." + name, $"the request has no {name}");
                return null;
            }

            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                return text;
            errors.Error(origin, "$.request." + name, $"{name} is a non-empty string");
            return null;
        }

        var principal = Text("principal", true);
        var action = Text("action", true);
        var resource = Text("resource", true);
        var account = Text("resourceAccount", false);
        var context = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        if (request.TryGetProperty("context", out var contextElement) && contextElement.ValueKind != JsonValueKind.Null)
        {
            if (contextElement.ValueKind != JsonValueKind.Object)
            {
                errors.Error(origin, "$.request.context", "context is an object of keys to a string or a list of strings");
            }
            else
            {
                foreach (var key in contextElement.EnumerateObject())
                {
                    var at = $"$.request.context['{key.Name}']";
                    if (ContextValues(key.Value) is { } values)
                        context[key.Name] = values;
                    else
                        errors.Error(origin, at, $"context key '{key.Name}' takes a string, number, boolean or a list of them");
                }
            }
        }

        if (principal is null || action is null || resource is null)
            return null;
        return new AuthorizationRequest { Principal = principal, Action = action, Resource = resource, ResourceAccount = account, Context = context.ToImmutable() };
    }

    private static ImmutableArray<string>? ContextValues(JsonElement value)
    {
        static string? Scalar(JsonElement item) => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString(),
            JsonValueKind.Number => item.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        if (value.ValueKind != JsonValueKind.Array)
            return Scalar(value) is { } single ? [single] : null;
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (Scalar(item) is not { } text)
                return null;
            values.Add(text);
        }

        return values.ToImmutable();
    }

    private static CompiledPolicy? One(JsonElement root, string name, PolicyKind kind, string origin, CountingSink errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return Policy(value, $"$.{name}", kind, origin, errors);
    }

    private static ImmutableArray<CompiledPolicy> Many(JsonElement root, string name, PolicyKind kind, string origin, CountingSink errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Error(origin, "$." + name, $"{name} is a list of policy documents");
            return [];
        }

        var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Policy(item, $"$.{name}[{i}]", kind, origin, errors) is { } policy)
                policies.Add(policy);
            i++;
        }

        return policies.ToImmutable();
    }

    private static ImmutableArray<ImmutableArray<CompiledPolicy>> Levels(JsonElement root, string name, PolicyKind kind, string origin, CountingSink errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Error(origin, "$." + name, $"{name} is a list of levels, each a list of policy documents");
            return [];
        }

        var levels = ImmutableArray.CreateBuilder<ImmutableArray<CompiledPolicy>>();
        var level = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"$.{name}[{level}]";
            if (item.ValueKind != JsonValueKind.Array)
            {
                errors.Error(origin, at, $"each level of {name} is a list of policy documents");
            }
            else
            {
                var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
                var i = 0;
                foreach (var document in item.EnumerateArray())
                {
                    if (Policy(document, $"{at}[{i}]", kind, origin, errors) is { } policy)
                        policies.Add(policy);
                    i++;
                }

                levels.Add(policies.ToImmutable());
            }

            level++;
        }

        return levels.ToImmutable();
    }

    // A document may also be given as a string of JSON, as AWS APIs return them.
    private static CompiledPolicy? Policy(JsonElement value, string path, PolicyKind kind, string origin, CountingSink errors)
    {
        var name = path[2..];
        var document = value.ValueKind == JsonValueKind.String
            ? PolicyParser.Parse(value.GetString()!, $"{origin}:{path}", kind, errors)
            : PolicyParser.Parse(value, name, kind, errors, origin, path);
        return document is null ? null : CompiledPolicy.Compile(document);
    }

    private sealed class CountingSink(IDiagnosticSink inner) : IDiagnosticSink
    {
        public int Count { get; private set; }

        public void Error(string origin, string path, string message) =>
            Report(new Diagnostic(DiagnosticSeverity.Error, BadInput, message, PolicyDiagnostics.At(origin, path)));

        public void Report(Diagnostic diagnostic)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
                Count++;
            inner.Report(diagnostic);
        }
    }
}
