using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Escalation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Tests.Escalation;

/// <summary>
/// Small account exports for escalation tests, written as <c>get-account-authorization-details</c> JSON: users, roles,
/// groups and policies, each with the statements a test needs.
/// </summary>
internal static class Exports
{
    public const string Account = "111122223333";
    public const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";

    public static string UserArn(string name) => $"arn:aws:iam::{Account}:user/{name}";

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    public static string PolicyArn(string name) => $"arn:aws:iam::{Account}:policy/{name}";

    public static JsonObject Allow(JsonNode action, JsonNode resource, JsonObject? condition = null) => Statement("Allow", action, resource, condition);

    public static JsonObject Deny(JsonNode action, JsonNode resource, JsonObject? condition = null) => Statement("Deny", action, resource, condition);

    public static JsonArray List(params string[] values) => new([.. values.Select(static v => (JsonNode)JsonValue.Create(v))]);

    public static JsonObject Condition(string op, string key, JsonNode value) => new() { [op] = new JsonObject { [key] = value } };

    public static JsonObject Document(params JsonObject[] statements) => new() { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements.Select(static s => s.DeepClone())]) };

    public static JsonObject TrustService(string service) =>
        Document(new JsonObject { ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["Service"] = service }, ["Action"] = "sts:AssumeRole" });

    public static JsonObject TrustAws(params string[] principals) =>
        Document(new JsonObject { ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = List(principals) }, ["Action"] = "sts:AssumeRole" });

    public static JsonObject User(string name, JsonObject[]? statements = null, string[]? groups = null, string[]? managed = null, string? boundary = null, (string Key, string Value)[]? tags = null)
    {
        var user = new JsonObject
        {
            ["UserName"] = name,
            ["Arn"] = UserArn(name),
            ["GroupList"] = List(groups ?? []),
            ["UserPolicyList"] = Inline(name, statements),
            ["AttachedManagedPolicies"] = Attached(managed),
            ["Tags"] = Tags(tags),
        };
        if (boundary is not null)
            user["PermissionsBoundary"] = new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = boundary };
        return user;
    }

    public static JsonObject Role(string name, JsonObject trust, JsonObject[]? statements = null, string[]? managed = null, string? boundary = null, bool profile = false, (string Key, string Value)[]? tags = null)
    {
        var role = new JsonObject
        {
            ["RoleName"] = name,
            ["Arn"] = RoleArn(name),
            ["AssumeRolePolicyDocument"] = trust,
            ["RolePolicyList"] = Inline(name, statements),
            ["AttachedManagedPolicies"] = Attached(managed),
            ["InstanceProfileList"] = profile
                ? new JsonArray(new JsonObject { ["InstanceProfileName"] = name, ["Arn"] = $"arn:aws:iam::{Account}:instance-profile/{name}" })
                : new JsonArray(),
            ["Tags"] = Tags(tags),
        };
        if (boundary is not null)
            role["PermissionsBoundary"] = new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = boundary };
        return role;
    }

    public static JsonObject Group(string name, JsonObject[]? statements = null, string[]? managed = null) => new()
    {
        ["GroupName"] = name,
        ["Arn"] = $"arn:aws:iam::{Account}:group/{name}",
        ["GroupPolicyList"] = Inline(name, statements),
        ["AttachedManagedPolicies"] = Attached(managed),
    };

    public static JsonObject Policy(string arn, JsonObject document, string version = "v1") => new()
    {
        ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..],
        ["Arn"] = arn,
        ["DefaultVersionId"] = version,
        ["PolicyVersionList"] = new JsonArray(new JsonObject { ["VersionId"] = version, ["IsDefaultVersion"] = true, ["Document"] = document }),
    };

    public static JsonObject AdministratorAccess => Policy(Admin, Document(Allow("*", "*")));

    public static string Export(IEnumerable<JsonObject> users, IEnumerable<JsonObject> roles, IEnumerable<JsonObject>? groups = null, IEnumerable<JsonObject>? policies = null) =>
        new JsonObject
        {
            ["UserDetailList"] = new JsonArray([.. users]),
            ["GroupDetailList"] = new JsonArray([.. groups ?? []]),
            ["RoleDetailList"] = new JsonArray([.. roles]),
            ["Policies"] = new JsonArray([.. policies ?? [AdministratorAccess]]),
        }.ToJsonString();

    public static EscalationAnalysis Analyze(string export, AccessOptions? options = null)
    {
        var account = AccountAuthorizationReader.Parse(export, "authz.json", NullDiagnosticSink.Instance);
        return EscalationAnalyzer.Analyze(AccountAccess.Create(account, options ?? new AccessOptions(), NullDiagnosticSink.Instance));
    }

    public static PolicyDocument Scp(JsonObject document) =>
        PolicyDocument.Parse(document.ToJsonString(), "scp.json", PolicyKind.ServiceControl, NullDiagnosticSink.Instance)!;

    private static JsonArray Inline(string owner, JsonObject[]? statements) =>
        statements is null or [] ? [] : new JsonArray(new JsonObject { ["PolicyName"] = owner + "-inline", ["PolicyDocument"] = Document(statements) });

    private static JsonArray Attached(string[]? managed) =>
        new([.. (managed ?? []).Select(static arn => (JsonNode)new JsonObject { ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyArn"] = arn })]);

    private static JsonArray Tags((string Key, string Value)[]? tags) =>
        new([.. (tags ?? []).Select(static tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })]);

    private static JsonObject Statement(string effect, JsonNode action, JsonNode resource, JsonObject? condition)
    {
        var statement = new JsonObject { ["Effect"] = effect, ["Action"] = action, ["Resource"] = resource };
        if (condition is not null)
            statement["Condition"] = condition;
        return statement;
    }
}
