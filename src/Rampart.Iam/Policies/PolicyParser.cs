using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Policies;

/// <summary>Reads policy documents, reporting every problem at once with its JSON path.</summary>
internal static class PolicyParser
{
    public const string Version2012 = "2012-10-17";
    public const string Version2008 = "2008-10-17";

    private static readonly System.Buffers.SearchValues<char> ServiceCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-*?");

    private static readonly System.Buffers.SearchValues<char> SidCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly string[] PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static PolicyDocument? Parse(string json, string origin, PolicyKind kind, IDiagnosticSink diagnostics)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(origin);
        Core.Guard.NotNull(diagnostics);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException error)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, PolicyDiagnostics.NotJson,
                $"the policy is not JSON: {FirstSentence(error.Message)}",
                new SourceLocation(origin, (error.LineNumber ?? 0) + 1, (error.BytePositionInLine ?? 0) + 1)));
            return null;
        }

        using (document)
            return Parse(document.RootElement, origin, kind, diagnostics);
    }

    /// <summary>
    /// Parses a document held inside a larger JSON input: diagnostics name <paramref name="inputOrigin"/> and the path
    /// through <paramref name="pathInInput"/> (such as <c>$.identityPolicies[0]</c>) into the document.
    /// </summary>
    public static PolicyDocument? Parse(JsonElement root, string origin, PolicyKind kind, IDiagnosticSink diagnostics, string? inputOrigin = null, string pathInInput = "$")
    {
        var context = new Context(inputOrigin ?? origin, kind, diagnostics, pathInInput);
        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Error("$", PolicyDiagnostics.WrongType, $"a policy is a JSON object, not {Describe(root)}");
            return null;
        }

        string? version = null;
        string? id = null;
        var statements = ImmutableArray<PolicyStatement>.Empty;
        var sawStatement = false;
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            switch (property.Name)
            {
                case "Version":
                    version = context.String(property.Value, path);
                    if (version is not null and not Version2012 and not Version2008)
                    {
                        context.Error(path, PolicyDiagnostics.BadVersion, $"Version '{version}' is not one the policy language has; use '{Version2012}'");
                        version = null;
                    }

                    break;
                case "Id":
                    id = context.String(property.Value, path);
                    break;
                case "Statement":
                    sawStatement = true;
                    statements = ReadStatements(property.Value, path, context);
                    break;
                default:
                    context.Error(path, PolicyDiagnostics.UnknownElement, $"'{property.Name}' is not a policy element; expected Version, Id or Statement");
                    break;
            }
        }

        if (!sawStatement)
            context.Error("$", PolicyDiagnostics.Missing, "the policy has no Statement");
        CheckSids(statements, context);
        if (context.Errors > 0)
            return null;
        return new PolicyDocument { Version = version, Id = id, Kind = kind, Statements = statements, Origin = origin };
    }

    private static ImmutableArray<PolicyStatement> ReadStatements(JsonElement value, string path, Context context)
    {
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (ReadStatement(value, path, 0, context) is { } single)
                statements.Add(single);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() == 0)
                context.Error(path, PolicyDiagnostics.Empty, "Statement is an empty list");
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{path}[{index}]";
                if (item.ValueKind != JsonValueKind.Object)
                    context.Error(itemPath, PolicyDiagnostics.WrongType, $"a statement is a JSON object, not {Describe(item)}");
                else if (ReadStatement(item, itemPath, index, context) is { } statement)
                    statements.Add(statement);
                index++;
            }
        }
        else
        {
            context.Error(path, PolicyDiagnostics.WrongType, $"Statement is an object or a list of objects, not {Describe(value)}");
        }

        return statements.ToImmutable();
    }

    private static PolicyStatement? ReadStatement(JsonElement element, string path, int index, Context context)
    {
        var errorsBefore = context.Errors;
        string? sid = null;
        PolicyEffect? effect = null;
        PrincipalSet? principal = null;
        bool? notPrincipal = null;
        ImmutableArray<string>? actions = null;
        var notAction = false;
        var actionIsList = false;
        ImmutableArray<string>? resources = null;
        var notResource = false;
        var resourceIsList = false;
        var conditions = ImmutableArray<PolicyCondition>.Empty;
        foreach (var property in element.EnumerateObject())
        {
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "Sid":
                    sid = context.String(property.Value, at);
                    break;
                case "Effect":
                    var text = context.String(property.Value, at);
                    if (text == "Allow")
                        effect = PolicyEffect.Allow;
                    else if (text == "Deny")
                        effect = PolicyEffect.Deny;
                    else if (text is not null)
                        context.Error(at, PolicyDiagnostics.BadEffect, $"Effect '{text}' is neither 'Allow' nor 'Deny' (they are case-sensitive)");
                    break;
                case "Principal" or "NotPrincipal":
                    if (notPrincipal is not null)
                    {
                        context.Error(at, PolicyDiagnostics.Conflict, "a statement has either Principal or NotPrincipal, not both");
                        break;
                    }

                    notPrincipal = property.Name == "NotPrincipal";
                    principal = ReadPrincipal(property.Value, at, context);
                    break;
                case "Action" or "NotAction":
                    if (actions is not null)
                    {
                        context.Error(at, PolicyDiagnostics.Conflict, "a statement has either Action or NotAction, not both");
                        break;
                    }

                    notAction = property.Name == "NotAction";
                    actionIsList = property.Value.ValueKind == JsonValueKind.Array;
                    actions = ReadActions(property.Value, at, context);
                    break;
                case "Resource" or "NotResource":
                    if (resources is not null)
                    {
                        context.Error(at, PolicyDiagnostics.Conflict, "a statement has either Resource or NotResource, not both");
                        break;
                    }

                    notResource = property.Name == "NotResource";
                    resourceIsList = property.Value.ValueKind == JsonValueKind.Array;
                    resources = ReadResources(property.Value, at, context);
                    break;
                case "Condition":
                    conditions = ReadConditions(property.Value, at, context);
                    break;
                default:
                    context.Error(at, PolicyDiagnostics.UnknownElement,
                        $"'{property.Name}' is not a statement element; expected Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource or Condition");
                    break;
            }
        }

        if (effect is null && !element.TryGetProperty("Effect", out _))
            context.Error(path, PolicyDiagnostics.Missing, "the statement has no Effect");
        if (actions is null)
            context.Error(path, PolicyDiagnostics.Missing, "the statement has no Action or NotAction");
        CheckPrincipalAndResource(path, principal is not null, resources is not null, context);
        if (context.Errors > errorsBefore)
            return null;
        return new PolicyStatement
        {
            Sid = sid,
            Effect = effect!.Value,
            Principal = principal,
            IsNotPrincipal = notPrincipal == true,
            Actions = actions!.Value,
            IsNotAction = notAction,
            ActionIsList = actionIsList,
            Resources = resources ?? [],
            IsNotResource = notResource,
            HasResource = resources is not null,
            ResourceIsList = resourceIsList,
            Conditions = conditions,
            Index = index,
            Path = path,
        };
    }

    // Which elements each kind of policy takes, as AWS enforces them when the policy is attached.
    private static void CheckPrincipalAndResource(string path, bool hasPrincipal, bool hasResource, Context context)
    {
        switch (context.Kind)
        {
            case PolicyKind.Identity or PolicyKind.PermissionBoundary or PolicyKind.Session or PolicyKind.ServiceControl:
                if (hasPrincipal)
                    context.Error(path, PolicyDiagnostics.NotAllowedHere, $"{Name(context.Kind)} takes no Principal or NotPrincipal");
                if (!hasResource && context.Kind != PolicyKind.ServiceControl)
                    context.Error(path, PolicyDiagnostics.Missing, "the statement has no Resource or NotResource");
                break;
            case PolicyKind.Resource or PolicyKind.ResourceControl:
                if (!hasPrincipal)
                    context.Error(path, PolicyDiagnostics.Missing, $"the statement of {Name(context.Kind)} has no Principal or NotPrincipal");
                break;
            case PolicyKind.Trust:
                if (!hasPrincipal)
                    context.Error(path, PolicyDiagnostics.Missing, "the statement of a trust policy has no Principal or NotPrincipal");
                break;
        }
    }

    private static string Name(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "an identity policy",
        PolicyKind.PermissionBoundary => "a permissions boundary",
        PolicyKind.Session => "a session policy",
        PolicyKind.ServiceControl => "a service control policy",
        PolicyKind.ResourceControl => "a resource control policy",
        PolicyKind.Resource => "a resource policy",
        PolicyKind.Trust => "a trust policy",
        _ => "a VPC endpoint policy",
    };

    private static PrincipalSet? ReadPrincipal(JsonElement value, string path, Context context)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.GetString() == "*")
                return new PrincipalSet(true, ImmutableDictionary<string, ImmutableArray<string>>.Empty);
            context.Error(path, PolicyDiagnostics.BadPrincipal, $"a principal written as a string must be \"*\"; name others by type, such as {{\"AWS\": \"{value.GetString()}\"}}");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, PolicyDiagnostics.WrongType, $"Principal is \"*\" or an object of principal types, not {Describe(value)}");
            return null;
        }

        var values = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var at = path + "." + property.Name;
            if (!PrincipalTypes.Contains(property.Name, StringComparer.Ordinal))
            {
                context.Error(at, PolicyDiagnostics.BadPrincipal, $"'{property.Name}' is not a principal type; expected AWS, Service, Federated or CanonicalUser");
                continue;
            }

            var names = context.Strings(property.Value, at);
            for (var i = 0; i < names.Length; i++)
            {
                var name = names[i];
                var itemAt = property.Value.ValueKind == JsonValueKind.Array ? $"{at}[{i}]" : at;
                if (name != "*" && name.Contains('*', StringComparison.Ordinal))
                    context.Error(itemAt, PolicyDiagnostics.BadPrincipal, $"principal '{name}' has a wildcard; only \"*\" alone may stand for principals (use a condition on aws:PrincipalArn)");
                else if (property.Name == "AWS" && name != "*" && !IsAccountId(name) && !name.StartsWith("arn:", StringComparison.Ordinal))
                    context.Error(itemAt, PolicyDiagnostics.BadPrincipal, $"AWS principal '{name}' is neither an account id, an ARN nor \"*\"");
            }

            values[property.Name] = names;
        }

        return new PrincipalSet(false, values.ToImmutable());
    }

    internal static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    private static ImmutableArray<string> ReadActions(JsonElement value, string path, Context context)
    {
        var actions = context.Strings(value, path);
        for (var i = 0; i < actions.Length; i++)
        {
            var action = actions[i];
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var valid = action == "*" || (colon > 0 && colon < action.Length - 1 && action.IndexOf(':', colon + 1) < 0
                && action.AsSpan(0, colon).IndexOfAnyExcept(ServiceCharacters) < 0);
            if (!valid)
                context.Error(value.ValueKind == JsonValueKind.Array ? $"{path}[{i}]" : path, PolicyDiagnostics.BadAction, $"action '{action}' is not \"*\" or 'service:action'");
        }

        return actions;
    }

    private static ImmutableArray<string> ReadResources(JsonElement value, string path, Context context)
    {
        var resources = context.Strings(value, path);
        for (var i = 0; i < resources.Length; i++)
        {
            var resource = resources[i];
            var at = value.ValueKind == JsonValueKind.Array ? $"{path}[{i}]" : path;
            if (resource != "*" && !(resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Count(c => c == ':') >= 5))
                context.Error(at, PolicyDiagnostics.BadResource, $"resource '{resource}' is not \"*\" or an ARN (arn:partition:service:region:account:resource)");
            else if (PolicyTemplate.Parse(resource, out var error) is null)
                context.Error(at, PolicyDiagnostics.BadVariable, $"resource '{resource}': {error}");
        }

        return resources;
    }

    private static ImmutableArray<PolicyCondition> ReadConditions(JsonElement value, string path, Context context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, PolicyDiagnostics.WrongType, $"Condition is an object of operators, not {Describe(value)}");
            return [];
        }

        var conditions = ImmutableArray.CreateBuilder<PolicyCondition>();
        foreach (var property in value.EnumerateObject())
        {
            var at = path + "." + property.Name;
            var parsed = ConditionOperators.TryParse(property.Name);
            if (parsed is not { } op)
            {
                context.Error(at, PolicyDiagnostics.UnknownOperator, $"'{property.Name}' is not a condition operator{ConditionOperators.Suggestion(property.Name)}");
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                context.Error(at, PolicyDiagnostics.WrongType, $"condition operator '{property.Name}' takes an object of context keys, not {Describe(property.Value)}");
                continue;
            }

            foreach (var key in property.Value.EnumerateObject())
            {
                var keyAt = $"{at}['{key.Name}']";
                var values = ConditionValues(key.Value, keyAt, context);
                if (values.IsDefault)
                    continue;
                if (values.IsEmpty)
                    context.Error(keyAt, PolicyDiagnostics.Empty, $"condition key '{key.Name}' has no values");
                for (var i = 0; i < values.Length; i++)
                {
                    var valueAt = key.Value.ValueKind == JsonValueKind.Array ? $"{keyAt}[{i}]" : keyAt;
                    if (ConditionOperators.CheckValue(op.Operator, values[i]) is { } problem)
                        context.Error(valueAt, PolicyDiagnostics.BadConditionValue, $"{property.Name} value '{values[i]}' {problem}");
                    else if (PolicyTemplate.Parse(values[i], out var error) is null)
                        context.Error(valueAt, PolicyDiagnostics.BadVariable, $"condition value '{values[i]}': {error}");
                }

                conditions.Add(new PolicyCondition(property.Name, op.Operator, op.Set, op.IfExists, key.Name, values, keyAt)
                {
                    ValueIsList = key.Value.ValueKind == JsonValueKind.Array,
                });
            }
        }

        return conditions.ToImmutable();
    }

    // Condition values are strings, but booleans and numbers are written bare as often as quoted.
    private static ImmutableArray<string> ConditionValues(JsonElement value, string path, Context context)
    {
        static string? Scalar(JsonElement item) => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => item.GetRawText(),
            _ => null,
        };

        if (value.ValueKind == JsonValueKind.Array)
        {
            var values = ImmutableArray.CreateBuilder<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Scalar(item) is { } text)
                    values.Add(text);
                else
                    context.Error($"{path}[{i}]", PolicyDiagnostics.WrongType, $"a condition value is a string, number or boolean, not {Describe(item)}");
                i++;
            }

            return values.ToImmutable();
        }

        if (Scalar(value) is { } single)
            return [single];
        context.Error(path, PolicyDiagnostics.WrongType, $"a condition value is a string, number, boolean or a list of them, not {Describe(value)}");
        return default;
    }

    // Sids must be unique in a policy; in identity-shaped policies they are letters and digits only.
    private static void CheckSids(ImmutableArray<PolicyStatement> statements, Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var identityShaped = context.Kind is PolicyKind.Identity or PolicyKind.PermissionBoundary or PolicyKind.Session or PolicyKind.ServiceControl;
        foreach (var statement in statements)
        {
            if (statement.Sid is not { } sid)
                continue;
            if (seen.TryGetValue(sid, out var first))
                context.Error(statement.Path + ".Sid", PolicyDiagnostics.BadSid, $"Sid '{sid}' is used already by {first}; Sids must be unique within a policy");
            else
                seen[sid] = statement.Path;
            if (identityShaped && sid.AsSpan().IndexOfAnyExcept(SidCharacters) >= 0)
                context.Error(statement.Path + ".Sid", PolicyDiagnostics.BadSid, $"Sid '{sid}' may hold only letters and digits in {Name(context.Kind)}");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    private sealed class Context(string origin, PolicyKind kind, IDiagnosticSink sink, string pathPrefix)
    {
        public PolicyKind Kind { get; } = kind;

        public int Errors { get; private set; }

        public void Error(string path, string code, string message)
        {
            Errors++;
            PolicyDiagnostics.Error(sink, origin, pathPrefix + path[1..], code, message);
        }

        public string? String(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            Error(path, PolicyDiagnostics.WrongType, $"expected a string, not {Describe(value)}");
            return null;
        }

        // A string or a list of strings: AWS takes either wherever a list is allowed.
        public ImmutableArray<string> Strings(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
                return [value.GetString()!];
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(path, PolicyDiagnostics.WrongType, $"expected a string or a list of strings, not {Describe(value)}");
                return [];
            }

            if (value.GetArrayLength() == 0)
                Error(path, PolicyDiagnostics.Empty, "the list is empty");
            var items = ImmutableArray.CreateBuilder<string>(value.GetArrayLength());
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    items.Add(item.GetString()!);
                else
                    Error(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), PolicyDiagnostics.WrongType, $"expected a string, not {Describe(item)}");
                i++;
            }

            return items.ToImmutable();
        }
    }
}
