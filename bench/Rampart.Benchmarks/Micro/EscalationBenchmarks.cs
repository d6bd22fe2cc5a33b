using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Escalation;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// Privilege-escalation analysis over a generated account of 2,500 users and 2,500 roles, to which one administrator role
/// that Lambda may assume is added (named like the search team's roles, so that some developers may pass it): the whole
/// job from the export's text to every principal's shortest path. The baseline reads the same export, prepares the account
/// and asks one question of every principal (<c>who-can</c>), the floor under any analysis that looks at each principal;
/// the target is the absolute time of <see cref="Escalation"/> on one core (well under 10 s).
/// </summary>
[MemoryDiagnoser]
public class EscalationBenchmarks
{
    private readonly string _export = WithAdministratorRole(SyntheticAccount.Generate(users: 2500, roles: 2500, seed: 11));

    [GlobalSetup]
    public void Setup()
    {
        var analysis = Analyze();
        if (analysis.Nodes.Count(node => node.Kind is EscalationNodeKind.User or EscalationNodeKind.Role) != 5001)
            throw new InvalidOperationException("the account does not hold 5,001 principals");
        if (analysis.Paths.IsEmpty || analysis.Paths.Length != analysis.Findings.Count(f => f.CheckId != "iam-escalation-set-default-policy-version"))
            throw new InvalidOperationException($"{analysis.Paths.Length} paths, {analysis.Findings.Length} findings: the question is not realistic");
    }

    [Benchmark(Baseline = true)]
    public int WhoCan() => Access().WhoCan("iam:PassRole", "arn:aws:iam::*:role/search-admin-automation").Allowed.Length;

    /// <summary>The whole job: read the export, prepare the account, analyse.</summary>
    [Benchmark]
    public int Escalation() => Analyze().Paths.Length;

    private EscalationAnalysis Analyze() => EscalationAnalyzer.Analyze(Access());

    private AccountAccess Access() =>
        AccountAccess.Create(AccountAuthorizationReader.Parse(_export, "synthetic.json", NullDiagnosticSink.Instance), new AccessOptions(), NullDiagnosticSink.Instance);

    internal static string WithAdministratorRole(string export)
    {
        var root = JsonNode.Parse(export)!.AsObject();
        var account = root["UserDetailList"]![0]!["Arn"]!.GetValue<string>().Split(':')[4];
        root["RoleDetailList"]!.AsArray().Add(new JsonObject
        {
            ["Path"] = "/",
            ["RoleName"] = "search-admin-automation",
            ["Arn"] = $"arn:aws:iam::{account}:role/search-admin-automation",
            ["AssumeRolePolicyDocument"] = JsonNode.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
            ["RolePolicyList"] = new JsonArray(),
            ["AttachedManagedPolicies"] = JsonNode.Parse("""[{"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}]"""),
            ["InstanceProfileList"] = new JsonArray(),
        });
        return root.ToJsonString();
    }
}
