using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Escalation;
using Rampart.Testing;
using Xunit.Abstractions;

namespace Rampart.Iam.Tests.Escalation;

/// <summary>
/// Escalation over Cloudsplaining's sample exports, with results checked by reading the files by hand, and over a generated
/// account of 5,000 principals, timed.
/// </summary>
public sealed class DatasetTests(ITestOutputHelper output)
{
    private const string Folder = "iam/cloudsplaining";

    /// <summary>
    /// In the sample account, obama and userwithlotsofpermissions hold AdministratorAccess (the second through group admin);
    /// role OverprivilegedEC2's inline policy SupYo allows iam:CreateAccessKey on *, so it can mint keys for obama. biden
    /// holds AWSLambdaFullAccess (iam:PassRole and lambda:* on *), but no role trusts Lambda, and the account's other
    /// roles trust ssm and ec2: nothing to pass. MyRole and MyOtherRole may pass roles and associate instance profiles but
    /// can launch nothing.
    /// </summary>
    [SkippableFact]
    public void TheSampleAccountsOnlyEscalationIsTheRoleThatCanCreateKeysForAnAdministrator()
    {
        var analysis = Analyze("test_files_example-authz-details.json");

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("iam-escalation-create-access-key", "arn:aws:iam::012345678901:role/OverprivilegedEC2"), (finding.CheckId, finding.Principal));
        Assert.Equal("role OverprivilegedEC2 can gain full control of the account in one step: create an access key for user obama (user obama may do everything)", finding.Title);
        Assert.Equal(("inline policy SupYo of role OverprivilegedEC2", "$.Statement[0]"), (finding.Policy, finding.Statement));
        Assert.Equal(["obama", "userwithlotsofpermissions"],
            analysis.Nodes.Where(node => node.IsAdminEquivalent).Select(node => node.Name));
        // Edges out of a principal stop once its shortest path is known: the keys for obama are enough.
        Assert.Equal("arn:aws:iam::012345678901:user/obama", Assert.Single(analysis.Edges, edge => edge.From.EndsWith("role/OverprivilegedEC2", StringComparison.Ordinal)).To);
        Assert.DoesNotContain(analysis.Edges, edge => edge.From.EndsWith("user/biden", StringComparison.Ordinal));
    }

    /// <summary>
    /// The other samples: BlakeBortles is an administrator through his group; the roles trust SSM and hold S3 object access;
    /// no one else holds anything that escalates. The file for overrides holds policies only.
    /// </summary>
    [SkippableTheory]
    [InlineData("test_files_example_authz_v2.json")]
    [InlineData("test_files_example_authz_details_for_overrides_complete.json")]
    [InlineData("test_files_example_authz_details_for_overrides.json")]
    [InlineData("test_files_managed_policy_mismatch.json")]
    [InlineData("test_files_scanning_test_authorization_file_details_missing_constraints_v2.json")]
    public void TheOtherSamplesHoldNoEscalation(string file)
    {
        var analysis = Analyze(file);

        Assert.Empty(analysis.Findings);
        Assert.Empty(analysis.Paths);
    }

    /// <summary>
    /// Speed is measured by <c>EscalationBenchmarks</c>; this prints the time of a Debug build and checks what the account
    /// yields once an administrator role Lambda may assume, named like the search team's roles, is added to it.
    /// </summary>
    [Fact]
    public void AGeneratedAccountOfFiveThousandPrincipalsIsAnalysed()
    {
        var export = WithAdministratorRole(SyntheticAccount.Generate(users: 2500, roles: 2500, seed: 11));
        var account = AccountAuthorizationReader.Parse(export, "synthetic.json", NullDiagnosticSink.Instance);
        var analysis = EscalationAnalyzer.Analyze(AccountAccess.Create(account, new AccessOptions(), NullDiagnosticSink.Instance));

        // Speed is measured by EscalationBenchmarks; this test checks what is found.
        output.WriteLine($"{analysis.Nodes.Count(n => n.IsAdminEquivalent)} admin-equivalent, {analysis.Edges.Length} edges, {analysis.Paths.Length} paths, {analysis.Findings.Length} findings");
        foreach (var group in analysis.Findings.GroupBy(f => f.CheckId))
            output.WriteLine($"  {group.Key}: {group.Count()}");
        Assert.Equal(5001, analysis.Nodes.Count(node => node.Kind is EscalationNodeKind.User or EscalationNodeKind.Role));
        // The search team's developers who may pass its roles to Lambda do so, proven outright; the other developers, whose
        // PowerUserAccess allows lambda:UpdateFunctionCode, reach it only if a function runs as it, which is assumed.
        Assert.Contains(analysis.Findings, finding => finding.CheckId == "iam-escalation-passrole-lambda");
        // Some of them hold policies that deny outside office networks or without MFA: those steps stay conditional.
        Assert.All(analysis.Findings, finding => Assert.Equal(
            finding.CheckId == "iam-escalation-passrole-lambda" && !finding.Proof.Path.Any(step => step.Evaluation!.IsConditional)
                ? Rampart.Core.Severity.High : Rampart.Core.Severity.Medium,
            finding.Severity));
        Assert.Equal(analysis.Paths.Length, analysis.Findings.Length);
        Assert.All(analysis.Paths, path => Assert.Equal("arn:aws:iam::" + account.AccountId + ":role/search-admin-automation", path.Hops[^1].To));
    }

    private static string WithAdministratorRole(string export)
    {
        var root = JsonNode.Parse(export)!.AsObject();
        var account = root["UserDetailList"]![0]!["Arn"]!.GetValue<string>().Split(':')[4];
        root["RoleDetailList"]!.AsArray().Add(Exports.Role("search-admin-automation", Exports.TrustService("lambda.amazonaws.com"), managed: [Exports.Admin]));
        var added = root["RoleDetailList"]!.AsArray()[^1]!.AsObject();
        added["Arn"] = $"arn:aws:iam::{account}:role/search-admin-automation";
        return root.ToJsonString();
    }

    private static EscalationAnalysis Analyze(string file)
    {
        var account = AccountAuthorizationReader.Read(Datasets.Require($"{Folder}/{file}"), NullDiagnosticSink.Instance);
        return EscalationAnalyzer.Analyze(AccountAccess.Create(account, new AccessOptions(), NullDiagnosticSink.Instance));
    }
}
