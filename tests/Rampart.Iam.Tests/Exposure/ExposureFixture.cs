using System.Collections.Immutable;
using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Exposure;
using Rampart.Iam.Policies;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>Builds small account exports for the exposure tests: users and roles with inline and managed policies.</summary>
internal sealed class ExposureFixture
{
    public const string Account = "111122223333";

    private readonly List<string> _users = [];
    private readonly List<string> _roles = [];
    private readonly List<string> _policies = [];

    public const string LambdaTrust = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";

    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

    /// <summary>A user with inline policies (documents as JSON text), managed policy ARNs and an optional boundary ARN.</summary>
    public ExposureFixture User(string name, string[]? inline = null, string[]? managed = null, string? boundary = null)
    {
        _users.Add($$"""
            {"UserName": "{{name}}", "UserId": "AIDA{{name.ToUpperInvariant()}}", "Arn": "arn:aws:iam::{{Account}}:user/{{name}}", "GroupList": [],
             "UserPolicyList": [{{Inline(inline)}}], "AttachedManagedPolicies": [{{Attached(managed)}}]{{Boundary(boundary)}}}
            """);
        return this;
    }

    /// <summary>A role with a trust policy and identity policies.</summary>
    public ExposureFixture Role(string name, string trust = LambdaTrust, string[]? inline = null, string[]? managed = null, string? boundary = null)
    {
        _roles.Add($$"""
            {"RoleName": "{{name}}", "RoleId": "AROA{{name.ToUpperInvariant().Replace("-", "")}}", "Arn": "arn:aws:iam::{{Account}}:role/{{name}}", "Path": "/",
             "AssumeRolePolicyDocument": {{trust}},
             "RolePolicyList": [{{Inline(inline)}}], "AttachedManagedPolicies": [{{Attached(managed)}}]{{Boundary(boundary)}}}
            """);
        return this;
    }

    /// <summary>A managed policy.</summary>
    public ExposureFixture Policy(string arn, string document)
    {
        _policies.Add($$"""
            {"PolicyName": "{{arn[(arn.LastIndexOf('/') + 1)..]}}", "Arn": "{{arn}}", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {{document}}}]}
            """);
        return this;
    }

    public AccountAuthorizationDetails Details()
    {
        const string admin = """
            {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}
            """;
        var json = "{\"UserDetailList\": [" + string.Join(",", _users) + "], \"GroupDetailList\": [], \"RoleDetailList\": [" + string.Join(",", _roles)
            + "], \"Policies\": [" + string.Join(",", [.. _policies, admin]) + "]}";
        var bag = new DiagnosticBag();
        var details = AccountAuthorizationReader.Parse(json, "authz.json", bag);
        Assert.True(bag.ToImmutableArray().IsEmpty, string.Join("\n", bag.ToImmutableArray()));
        return details;
    }

    public AccountAccess Access(params string[] scps) => AccountAccess.Create(Details(), new AccessOptions
    {
        ServiceControlPolicies = scps.Length == 0 ? [] : [[.. scps.Select(Scp)]],
    }, NullDiagnosticSink.Instance);

    public (List<IamFinding> Findings, List<AnalysisNote> Notes) Permissions(params string[] scps)
    {
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        PermissionRiskAnalyzer.Run(Access(scps), findings, notes);
        return (findings, notes);
    }

    public List<IamFinding> Trust(IReadOnlyList<ResourcePolicyInput>? resources = null, AccessOptions? options = null)
    {
        var findings = new List<IamFinding>();
        TrustExposureAnalyzer.Run(AccountAccess.Create(Details(), options ?? new AccessOptions(), NullDiagnosticSink.Instance), resources ?? [], findings, []);
        return findings;
    }

    public static PolicyDocument Scp(string json) => PolicyDocument.Parse(json, "scp.json", PolicyKind.ServiceControl, NullDiagnosticSink.Instance)!;

    public static string Arn(string kind, string name) => $"arn:aws:iam::{Account}:{kind}/{name}";

    /// <summary>A policy document of one Allow statement.</summary>
    public static string Allow(string actions, string resources, string? condition = null) => Document($$"""{"Effect": "Allow", "Action": {{actions}}, "Resource": {{resources}}{{(condition is null ? "" : ", \"Condition\": " + condition)}}}""");

    public static string Document(params string[] statements) => $$"""{"Version": "2012-10-17", "Statement": [{{string.Join(",", statements)}}]}""";

    private static string Inline(string[]? documents)
    {
        var text = new StringBuilder();
        for (var i = 0; i < (documents?.Length ?? 0); i++)
        {
            if (i > 0)
                text.Append(',');
            text.Append($$"""{"PolicyName": "inline{{i}}", "PolicyDocument": {{documents![i]}}}""");
        }

        return text.ToString();
    }

    private static string Attached(string[]? arns) =>
        string.Join(",", (arns ?? []).Select(arn => $$"""{"PolicyName": "{{arn[(arn.LastIndexOf('/') + 1)..]}}", "PolicyArn": "{{arn}}"}"""));

    private static string Boundary(string? arn) =>
        arn is null ? "" : $$""", "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "{{arn}}"}""";
}
