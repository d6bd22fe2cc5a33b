using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Escalation;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Risk;
using static Rampart.Iam.Tests.Escalation.Exports;

namespace Rampart.Iam.Tests.Escalation;

/// <summary>
/// Single-step methods against accounts built for them: each found when the evaluator allows every request it needs on the
/// account's own resources, and not found when a resource, a condition, a boundary, an SCP or a deny stands in the way.
/// </summary>
public sealed class SingleStepTests
{
    private static readonly JsonObject[] LambdaPower = [Allow(List("lambda:CreateFunction", "lambda:InvokeFunction"), "*")];

    [Fact]
    public void PassingAnAdministratorRoleToANewLambdaFunctionIsFoundWithEveryStepProven()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", RoleArn("ops"))])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("iam-escalation-passrole-lambda", RiskCategory.PrivilegeEscalation, Severity.High, UserArn("dev")),
            (finding.CheckId, finding.Category, finding.Severity, finding.Principal));
        Assert.Equal("user dev can gain full control of the account in one step: pass role ops to a new Lambda function and invoke it (role ops may do everything)", finding.Title);
        Assert.Equal(("inline policy dev-inline of user dev", "$.Statement[1]"), (finding.Policy, finding.Statement));
        Assert.Equal(
            [("iam:PassRole", RoleArn("ops")), ("lambda:CreateFunction", "arn:aws:lambda:us-east-1:111122223333:function:rampartprobe"),
             ("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:rampartprobe"), ("sts:AssumeRole", RoleArn("ops"))],
            finding.Proof.Path.Select(step => (step.Action, step.Resource)));
        Assert.Equal("lambda.amazonaws.com", finding.Proof.Path[^1].Principal);
        Assert.Equal("the permissions of role ops", finding.Proof.Path[^1].Gains);
        Assert.All(finding.Proof.Path, step => Assert.Equal(Decision.Allowed, step.Evaluation!.Decision));
        Assert.Equal(RoleArn("ops"), finding.Proof.Evaluations[^1].Principal);
    }

    [Fact]
    public void PassRoleAllowedOnlyForAnotherServiceDoesNotLetTheRoleReachLambda()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", "*", Condition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"))])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void PassRoleAllowedWithoutAWayToCreateTheComputeResourceIsNoEscalation()
    {
        var analysis = Analyze(Export(
            [User("dev", [Allow(List("iam:PassRole", "lambda:InvokeFunction", "lambda:GetFunction"), "*")])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void ARoleWhoseTrustPolicyDoesNotAdmitTheServiceCannotBePassedToIt()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", "*")])],
            [Role("ops", TrustService("ec2.amazonaws.com"), managed: [Admin], profile: true)]));

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void PassRoleScopedToOtherRolesIsNoEscalationToTheAdministratorRole()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", RoleArn("app-*"))])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin]), Role("app-worker", TrustService("lambda.amazonaws.com"))]));

        Assert.Empty(analysis.Findings);
        Assert.Contains(analysis.Edges, edge => edge.To == RoleArn("app-worker") && edge.MethodId == "iam-escalation-passrole-lambda");
    }

    [Fact]
    public void AConditionOnTheRolesTagsIsDecidedFromTheExportsTags()
    {
        JsonObject[] policy = [.. LambdaPower, Allow("iam:PassRole", "*", Condition("StringEquals", "aws:ResourceTag/env", "dev"))];

        var prod = Analyze(Export([User("dev", policy)], [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin], tags: [("env", "prod")])]));
        var dev = Analyze(Export([User("dev", policy)], [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin], tags: [("env", "dev")])]));

        Assert.Empty(prod.Findings);
        Assert.Equal((Severity.High, false), (Assert.Single(dev.Findings).Severity, dev.Edges.Any(edge => edge.IsConditional)));
    }

    [Fact]
    public void AConditionTheExportCannotDecideIsKeptInTheProofAndLowersTheSeverity()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", "*", Condition("Bool", "aws:MultiFactorAuthPresent", "true"))])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(Severity.Medium, finding.Severity);
        var requirement = Assert.Single(finding.Proof.Path[0].Evaluation!.Requirements);
        Assert.Equal("Bool aws:MultiFactorAuthPresent true", requirement.Describe());
    }

    [Fact]
    public void ADenyInAGroupStopsWhatTheUsersOwnPolicyAllows()
    {
        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", "*")], groups: ["guarded"])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])],
            [Group("guarded", [Deny("iam:PassRole", RoleArn("ops"))])]));

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void AServiceControlPolicyDenyingPassRoleStopsTheEscalation()
    {
        var scp = Scp(Document(Allow("*", "*"), Deny("iam:PassRole", "*")));

        var analysis = Analyze(Export(
            [User("dev", [.. LambdaPower, Allow("iam:PassRole", "*")])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]),
            new AccessOptions { ServiceControlPolicies = [[scp]] });

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void LaunchingAnInstanceNeedsARoleWithAnInstanceProfile()
    {
        JsonObject[] policy = [Allow(List("ec2:RunInstances", "iam:PassRole"), "*")];

        var withProfile = Analyze(Export([User("dev", policy)], [Role("ops", TrustService("ec2.amazonaws.com"), managed: [Admin], profile: true)]));
        var without = Analyze(Export([User("dev", policy)], [Role("ops", TrustService("ec2.amazonaws.com"), managed: [Admin])]));

        Assert.Equal("iam-escalation-passrole-ec2", Assert.Single(withProfile.Findings).CheckId);
        Assert.Empty(without.Findings);
    }

    [Fact]
    public void RunInstancesLimitedToSomeSubnetsStillLetsTheUserLaunchInThem()
    {
        var analysis = Analyze(Export(
            [User("dev", [Allow("iam:PassRole", "*"), Allow("ec2:RunInstances", List(
                "arn:aws:ec2:eu-west-1:111122223333:instance/*", "arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0aa11",
                "arn:aws:ec2:eu-west-1:111122223333:network-interface/*", "arn:aws:ec2:eu-west-1:111122223333:security-group/*", "arn:aws:ec2:eu-west-1:111122223333:volume/*"))])],
            [Role("ops", TrustService("ec2.amazonaws.com"), managed: [Admin], profile: true)]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Contains(finding.Proof.Path, step => step.Resource == "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0aa11");
    }

    [Fact]
    public void AssumingARoleNeedsTheTrustPolicyToAdmitTheCaller()
    {
        JsonObject[] assume = [Allow("sts:AssumeRole", "*")];

        var account = Analyze(Export([User("dev", assume)], [Role("ops", TrustAws($"arn:aws:iam::{Account}:root"), managed: [Admin])]));
        var other = Analyze(Export([User("dev", assume), User("carol")], [Role("ops", TrustAws(UserArn("carol")), managed: [Admin])]));
        var named = Analyze(Export([User("dev")], [Role("ops", TrustAws(UserArn("dev")), managed: [Admin])]));

        Assert.Equal("iam-escalation-assume-role", Assert.Single(account.Findings).CheckId);
        Assert.Equal([UserArn("carol")], other.Findings.Select(finding => finding.Principal));
        Assert.Equal("the role's trust policy allows the caller by name", Assert.Single(named.Findings).Proof.Path[0].Evaluation!.Trace.Reason);
    }

    [Fact]
    public void CreatingAnAccessKeyForAnAdministratorIsFoundAndForOnesOwnUserIsNot()
    {
        var anyone = Analyze(Export([User("dev", [Allow("iam:CreateAccessKey", "*")]), User("root-ops", managed: [Admin])], []));
        var own = Analyze(Export([User("dev", [Allow("iam:CreateAccessKey", "arn:aws:iam::*:user/${aws:username}")]), User("root-ops", managed: [Admin])], []));

        var finding = Assert.Single(anyone.Findings);
        Assert.Equal(("iam-escalation-create-access-key", Severity.Medium), (finding.CheckId, finding.Severity));
        Assert.Contains("IAM refuses a third key: the user must have fewer than two", finding.Proof.Facts);
        Assert.Empty(own.Findings);
    }

    [Fact]
    public void RewritingTheTrustPolicyOfAnAdministratorRoleIsFound()
    {
        var analysis = Analyze(Export([User("dev", [Allow("iam:UpdateAssumeRolePolicy", RoleArn("ops"))])], [Role("ops", TrustService("ec2.amazonaws.com"), managed: [Admin])]));

        Assert.Equal("iam-escalation-update-assume-role-policy", Assert.Single(analysis.Findings).CheckId);
    }

    [Fact]
    public void AttachingAPolicyToItselfIsFoundUnlessTheConditionLimitsWhichPolicy()
    {
        var open = Analyze(Export([User("dev", [Allow("iam:AttachUserPolicy", UserArn("dev"))])], []));
        var limited = Analyze(Export([User("dev", [Allow("iam:AttachUserPolicy", UserArn("dev"),
            Condition("ArnEquals", "iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess"))])], []));

        var finding = Assert.Single(open.Findings);
        Assert.Equal(("iam-escalation-attach-user-policy", "user dev can gain full control of the account in one step: attach AdministratorAccess to user dev"),
            (finding.CheckId, finding.Title));
        Assert.Empty(limited.Findings);
    }

    [Fact]
    public void AChangeToItsOwnPoliciesGainsNothingBeyondItsPermissionsBoundary()
    {
        var boundary = Policy(PolicyArn("s3-and-self"), Document(Allow(List("s3:*", "iam:PutRolePolicy"), "*")));

        var bounded = Analyze(Export([], [Role("app", TrustService("lambda.amazonaws.com"), [Allow("iam:PutRolePolicy", RoleArn("app"))], boundary: PolicyArn("s3-and-self"))],
            policies: [AdministratorAccess, boundary]));
        var free = Analyze(Export([], [Role("app", TrustService("lambda.amazonaws.com"), [Allow("iam:PutRolePolicy", RoleArn("app"))])]));

        Assert.Empty(bounded.Findings);
        Assert.Equal("iam-escalation-put-role-policy", Assert.Single(free.Findings).CheckId);
    }

    [Fact]
    public void RemovingItsOwnPermissionsBoundaryFreesAnAdministratorPolicy()
    {
        var boundary = Policy(PolicyArn("s3-and-unbound"), Document(Allow(List("s3:*", "iam:DeleteUserPermissionsBoundary"), "*")));

        var analysis = Analyze(Export([User("dev", managed: [Admin], boundary: PolicyArn("s3-and-unbound"))], [], policies: [AdministratorAccess, boundary]));

        Assert.Equal("iam-escalation-delete-user-permissions-boundary", Assert.Single(analysis.Findings).CheckId);
        Assert.False(Assert.Single(analysis.Nodes, node => node.Id == UserArn("dev")).IsAdminEquivalent);
    }

    [Fact]
    public void ANewVersionOfAPolicyAttachedToItselfIsFoundAndOfAnotherPolicyIsNot()
    {
        var policies = new[] { AdministratorAccess, Policy(PolicyArn("dev-tools"), Document(Allow("iam:Get*", "*"))), Policy(PolicyArn("other"), Document(Allow("s3:GetObject", "*"))) };

        var own = Analyze(Export([User("dev", [Allow("iam:CreatePolicyVersion", PolicyArn("dev-*"))], managed: [PolicyArn("dev-tools")])], [], policies: policies));
        var other = Analyze(Export([User("dev", [Allow("iam:CreatePolicyVersion", PolicyArn("other"))], managed: [PolicyArn("dev-tools")])], [],
            policies: [AdministratorAccess, Policy(PolicyArn("dev-tools"), Document(Allow("iam:Get*", "*"))), Policy(PolicyArn("other"), Document(Allow("s3:GetObject", "*")))]));

        Assert.Equal("user dev can gain full control of the account in one step: write a new default version of policy dev-tools that allows everything",
            Assert.Single(own.Findings).Title);
        Assert.Empty(other.Findings);
    }

    [Fact]
    public void AddingItselfToTheAdministratorsGroupIsFound()
    {
        var analysis = Analyze(Export(
            [User("dev", [Allow("iam:AddUserToGroup", $"arn:aws:iam::{Account}:group/admins")])], [],
            [Group("admins", managed: [Admin]), Group("readers", [Allow("s3:GetObject", "*")])]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("iam-escalation-add-user-to-group", $"arn:aws:iam::{Account}:group/admins"), (finding.CheckId, finding.Proof.Path[0].Resource));
    }

    [Fact]
    public void CreatingARoleIsNoEscalationWhenItMustCarryAPermissionsBoundary()
    {
        var free = Analyze(Export([User("dev", [Allow(List("iam:CreateRole", "iam:AttachRolePolicy"), "*")])], []));
        var guarded = Analyze(Export([User("dev", [Allow(List("iam:CreateRole", "iam:AttachRolePolicy"), "*",
            Condition("StringEquals", "iam:PermissionsBoundary", PolicyArn("developer-boundary")))])], []));

        Assert.Equal("iam-escalation-create-role-attach-policy", Assert.Single(free.Findings).CheckId);
        Assert.Empty(guarded.Findings);
    }

    [Fact]
    public void UpdatingTheCodeOfExistingFunctionsReachesTheRolesLambdaMayAssumeAndSaysItAssumesSo()
    {
        var analysis = Analyze(Export(
            [User("dev", [Allow("lambda:UpdateFunctionCode", "*")])],
            [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin]), Role("web", TrustService("ec2.amazonaws.com"), managed: [Admin])]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("iam-escalation-lambda-update-code", Severity.Medium), (finding.CheckId, finding.Severity));
        Assert.Equal(["lambda:UpdateFunctionCode", "sts:AssumeRole"], finding.Proof.Path.Select(step => step.Action));
        Assert.Equal(RoleArn("ops"), finding.Proof.Path[^1].Resource);
        Assert.Contains(analysis.Notes, note => note.Message.Contains("take every role the service may assume", StringComparison.Ordinal));
        Assert.Contains(analysis.Nodes, node => node.Kind == EscalationNodeKind.ServiceResources);
    }

    [Fact]
    public void SwitchingTheDefaultVersionIsReportedOnItsOwnWhenOtherVersionsMayExist()
    {
        var analysis = Analyze(Export([User("dev", [Allow("iam:SetDefaultPolicyVersion", "*")], managed: [PolicyArn("dev-tools")])], [],
            policies: [AdministratorAccess, Policy(PolicyArn("dev-tools"), Document(Allow("iam:Get*", "*")), "v3")]));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("iam-escalation-set-default-policy-version", Severity.Medium), (finding.CheckId, finding.Severity));
        Assert.Empty(analysis.Paths);
    }

    [Fact]
    public void AnAdministratorHasNoFindingAndIsMarkedAdminEquivalent()
    {
        var analysis = Analyze(Export([User("boss", managed: [Admin]), User("dev", [Allow("iam:CreateAccessKey", UserArn("boss"))])], []));

        Assert.Equal([UserArn("dev")], analysis.Findings.Select(finding => finding.Principal));
        Assert.True(Assert.Single(analysis.Nodes, node => node.Id == UserArn("boss")).IsAdminEquivalent);
    }

    [Fact]
    public void RunAddsTheFindingsAndNotes()
    {
        var account = Rampart.Iam.Accounts.AccountAuthorizationReader.Parse(
            Export([User("dev", [Allow("lambda:UpdateFunctionCode", "*")])], [Role("ops", TrustService("lambda.amazonaws.com"), managed: [Admin])]),
            "authz.json", Rampart.Core.Diagnostics.NullDiagnosticSink.Instance);
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();

        EscalationAnalyzer.Run(AccountAccess.Create(account, new AccessOptions(), Rampart.Core.Diagnostics.NullDiagnosticSink.Instance), findings, notes);

        Assert.Single(findings);
        Assert.Single(notes);
    }

    [Fact]
    public void MethodIdsAreUniqueAndNamedAsChecks()
    {
        var ids = EscalationMethods.All.Select(method => method.Id).ToImmutableArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("iam-escalation-", id, StringComparison.Ordinal));
        Assert.All(EscalationMethods.All, method => Assert.Contains("{0}", method.Step + "{0}", StringComparison.Ordinal));
    }
}
