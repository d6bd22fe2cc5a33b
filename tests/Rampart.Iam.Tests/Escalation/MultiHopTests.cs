using System.Text.Json.Nodes;
using Rampart.Iam.Escalation;
using static Rampart.Iam.Tests.Escalation.Exports;

namespace Rampart.Iam.Tests.Escalation;

/// <summary>Paths through several principals: each found shortest, shown step by step, and broken where one step is not allowed.</summary>
public sealed class MultiHopTests
{
    private static JsonObject Account => TrustAws($"arn:aws:iam::{Exports.Account}:root");

    private static JsonObject[] Deployer => [Allow("iam:PassRole", RoleArn("admin")), Allow(List("lambda:CreateFunction", "lambda:InvokeFunction"), "*")];

    [Fact]
    public void AUserAssumesARoleThatPassesAnAdministratorRoleToLambda()
    {
        var analysis = Analyze(Export(
            [User("alice", [Allow("sts:AssumeRole", RoleArn("deployer"))])],
            [Role("deployer", Account, Deployer), Role("admin", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        var alice = Assert.Single(analysis.Findings, finding => finding.Principal == UserArn("alice"));
        Assert.Equal(EscalationMethods.PathId, alice.CheckId);
        Assert.Equal("user alice can gain full control of the account in 2 steps: assume role deployer, then pass role admin to a new Lambda function and invoke it (role admin may do everything)", alice.Title);
        Assert.Equal(
            [(UserArn("alice"), "sts:AssumeRole", "the permissions of role deployer"),
             (RoleArn("deployer"), "iam:PassRole", "needed to pass role admin to a new Lambda function and invoke it"),
             (RoleArn("deployer"), "lambda:CreateFunction", "needed to pass role admin to a new Lambda function and invoke it"),
             (RoleArn("deployer"), "lambda:InvokeFunction", "needed to pass role admin to a new Lambda function and invoke it"),
             ("lambda.amazonaws.com", "sts:AssumeRole", "the permissions of role admin")],
            alice.Proof.Path.Select(step => (step.Principal, step.Action, step.Gains)));
        Assert.Equal(6, alice.Proof.Evaluations.Length);
        var path = Assert.Single(analysis.Paths, p => p.Principal == UserArn("alice"));
        Assert.Equal(["iam-escalation-assume-role", "iam-escalation-passrole-lambda"], path.Hops.Select(hop => hop.MethodId));
        Assert.Equal("iam-escalation-passrole-lambda", Assert.Single(analysis.Findings, finding => finding.Principal == RoleArn("deployer")).CheckId);
        Assert.DoesNotContain(analysis.Findings, finding => finding.Principal == RoleArn("admin"));
    }

    [Fact]
    public void APermissionsBoundaryOnTheMiddleRoleBreaksThePath()
    {
        var boundary = Policy(PolicyArn("no-iam"), Document(Allow(List("lambda:*", "logs:*"), "*")));

        var analysis = Analyze(Export(
            [User("alice", [Allow("sts:AssumeRole", RoleArn("deployer"))])],
            [Role("deployer", Account, Deployer, boundary: PolicyArn("no-iam")), Role("admin", TrustService("lambda.amazonaws.com"), managed: [Admin])],
            policies: [AdministratorAccess, boundary]));

        Assert.Empty(analysis.Findings);
        Assert.Contains(analysis.Edges, edge => edge.From == UserArn("alice") && edge.To == RoleArn("deployer"));
    }

    [Fact]
    public void TheShortestOfTwoPathsIsReported()
    {
        var analysis = Analyze(Export(
            [User("alice", [Allow("sts:AssumeRole", List(RoleArn("hop-1"), RoleArn("deployer")))])],
            [Role("hop-1", Account, [Allow("sts:AssumeRole", RoleArn("hop-2"))]), Role("hop-2", Account, [Allow("sts:AssumeRole", RoleArn("deployer"))]),
             Role("deployer", Account, Deployer), Role("admin", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        var path = Assert.Single(analysis.Paths, p => p.Principal == UserArn("alice"));
        Assert.Equal([RoleArn("deployer"), RoleArn("admin")], path.Hops.Select(hop => hop.To));
        Assert.Equal(3, Assert.Single(analysis.Paths, p => p.Principal == RoleArn("hop-1")).Hops.Length);
    }

    [Fact]
    public void AChangeToAnotherRolesPoliciesCountsWhenThePrincipalCanThenBecomeIt()
    {
        var analysis = Analyze(Export(
            [User("alice", [Allow(List("iam:PutRolePolicy", "sts:AssumeRole"), RoleArn("ci"))]), User("bob", [Allow("iam:PutRolePolicy", RoleArn("ci"))])],
            [Role("ci", Account, [Allow("s3:GetObject", "*")])]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal((UserArn("alice"), "iam-escalation-put-role-policy"), (finding.Principal, finding.CheckId));
        Assert.Equal("user alice can gain full control of the account in one step: write an inline policy allowing everything on role ci, then act as role ci", finding.Title);
        Assert.Equal(["iam:PutRolePolicy", "sts:AssumeRole"], finding.Proof.Path.Select(step => step.Action));
    }

    [Fact]
    public void ATakenOverUserWhoseGroupCanBeChangedLeadsToFullControl()
    {
        var analysis = Analyze(Export(
            [User("alice", [Allow("iam:CreateAccessKey", UserArn("carol"))]), User("carol", [Allow("iam:AttachGroupPolicy", "*")], groups: ["ops"])],
            [],
            [Group("ops", [Allow("ec2:Describe*", "*")])]));

        var alice = Assert.Single(analysis.Paths, p => p.Principal == UserArn("alice"));
        Assert.Equal(["iam-escalation-create-access-key", "iam-escalation-attach-group-policy"], alice.Hops.Select(hop => hop.MethodId));
        Assert.Equal(EscalationSearch.FullControlId, alice.Hops[^1].To);
    }
}
