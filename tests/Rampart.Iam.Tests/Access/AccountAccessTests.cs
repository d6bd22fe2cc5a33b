using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Tests.Access;

/// <summary>
/// <c>can</c> and <c>who-can</c> over one account export: every way a policy reaches a principal, the organisation's
/// policies, and the conditions an answer still depends on.
/// </summary>
public sealed class AccountAccessTests
{
    private const string Account = "111122223333";
    private const string Bucket = "arn:aws:s3:::reports/2026/q4.csv";

    private const string Export = """
        {
          "UserDetailList": [
            {"UserName": "alice", "UserId": "AIDAALICE", "Arn": "arn:aws:iam::111122223333:user/alice", "GroupList": ["analysts"],
             "UserPolicyList": [], "AttachedManagedPolicies": []},
            {"UserName": "bob", "Arn": "arn:aws:iam::111122223333:user/bob", "GroupList": [],
             "UserPolicyList": [{"PolicyName": "mfa-reports", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Sid": "ReportsWithMfa", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
                "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}}],
             "AttachedManagedPolicies": []},
            {"UserName": "carol", "Arn": "arn:aws:iam::111122223333:user/carol", "GroupList": [], "Tags": [{"Key": "team", "Value": "data"}],
             "UserPolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "team-data", "PolicyArn": "arn:aws:iam::111122223333:policy/team-data"}]},
            {"UserName": "dave", "Arn": "arn:aws:iam::111122223333:user/dave", "GroupList": [],
             "UserPolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "team-data", "PolicyArn": "arn:aws:iam::111122223333:policy/team-data"},
                                                               {"PolicyName": "deleted", "PolicyArn": "arn:aws:iam::111122223333:policy/deleted"}]},
            {"UserName": "erin", "Arn": "arn:aws:iam::111122223333:user/erin", "GroupList": [],
             "UserPolicyList": [], "AttachedManagedPolicies": []},
            {"UserName": "deploy", "Arn": "arn:aws:iam::111122223333:user/deploy", "GroupList": [],
             "UserPolicyList": [], "AttachedManagedPolicies": []}
          ],
          "GroupDetailList": [
            {"GroupName": "analysts", "Arn": "arn:aws:iam::111122223333:group/analysts",
             "GroupPolicyList": [{"PolicyName": "read-reports", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}]}}],
             "AttachedManagedPolicies": []}
          ],
          "RoleDetailList": [
            {"RoleName": "admin", "Arn": "arn:aws:iam::111122223333:role/admin",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"}, "Action": "sts:AssumeRole"},
               {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole",
                "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]},
             "RolePolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]},
            {"RoleName": "bounded", "Arn": "arn:aws:iam::111122223333:role/bounded",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}],
             "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/s3-only"}},
            {"RoleName": "AWSServiceRoleForSupport", "Path": "/aws-service-role/support.amazonaws.com/", "Arn": "arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "support.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]},
            {"RoleName": "deploy", "Arn": "arn:aws:iam::111122223333:role/deploy",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [{"PolicyName": "assume-admin", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/admin"}]}}],
             "AttachedManagedPolicies": []}
          ],
          "Policies": [
            {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
            {"PolicyName": "team-data", "Arn": "arn:aws:iam::111122223333:policy/team-data", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "data"}}}]}}]},
            {"PolicyName": "s3-only", "Arn": "arn:aws:iam::111122223333:policy/s3-only", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}
          ]
        }
        """;

    private const string RegionScp = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "AllowAll", "Effect": "Allow", "Action": "*", "Resource": "*"},
          {"Sid": "EuropeOnly", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
           "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}},
          {"Sid": "KeepTrail", "Effect": "Deny", "Action": "cloudtrail:StopLogging", "Resource": "*"}]}
        """;

    private static readonly AccountAuthorizationDetails Details = AccountAuthorizationReader.Parse(Export, "authz.json", NullDiagnosticSink.Instance);

    [Fact]
    public void AGroupsInlinePolicyReachesItsMembersAndTheAnswerNamesTheGrant()
    {
        var answer = Access().Can("alice", "s3:GetObject", Bucket);

        Assert.Equal(Decision.Allowed, answer.Result.Decision);
        Assert.False(answer.Result.IsConditional);
        Assert.Equal(AccessPrincipalKind.User, answer.Kind);
        Assert.Equal("arn:aws:iam::111122223333:user/alice", answer.PrincipalArn);
        var grant = Assert.Single(AccessAnswerWriter.Grants(answer));
        Assert.Equal(("identityPolicies", "inline policy read-reports of group analysts", "$.Statement[0]"), (grant.Layer, grant.Statement.Policy, grant.Statement.Statement));
        Assert.Empty(answer.Gaps);
    }

    [Fact]
    public void AConditionOnAKeyTheQuestionDoesNotKnowIsListedRatherThanDecided()
    {
        var answer = Access().Can("bob", "s3:GetObject", Bucket);

        Assert.Equal(Decision.Allowed, answer.Result.Decision);
        Assert.True(answer.Result.IsConditional);
        var requirement = Assert.Single(answer.Result.Requirements);
        Assert.Equal(("identityPolicies", "inline policy mfa-reports of user bob", "$.Statement[0]", "ReportsWithMfa", PolicyEffect.Allow),
            (requirement.Layer, requirement.Policy, requirement.Statement, requirement.Sid, requirement.Effect));
        Assert.Equal("Bool aws:MultiFactorAuthPresent true", requirement.Describe());
    }

    [Theory]
    [InlineData("true", false, true)]
    [InlineData("false", false, false)]
    [InlineData(null, true, false)]
    public void AKnownOrClosedContextDecidesTheCondition(string? mfa, bool closed, bool allowed)
    {
        var context = ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        if (mfa is not null)
            context = context.Add("aws:MultiFactorAuthPresent", [mfa]);

        var answer = Access(new AccessOptions { Context = context, ClosedContext = closed }).Can("bob", "s3:GetObject", Bucket);

        Assert.Equal(allowed ? Decision.Allowed : Decision.ImplicitlyDenied, answer.Result.Decision);
        Assert.False(answer.Result.IsConditional);
    }

    [Fact]
    public void PrincipalTagsComeFromTheExportAndATagThePrincipalLacksIsAbsentNotOpen()
    {
        var access = Access();

        var carol = access.Can("carol", "s3:PutObject", Bucket);
        var dave = access.Can("dave", "s3:PutObject", Bucket);

        Assert.Equal((Decision.Allowed, false), (carol.Result.Decision, carol.Result.IsConditional));
        Assert.Equal(Decision.ImplicitlyDenied, dave.Result.Decision);
        Assert.Equal("managed policy arn:aws:iam::111122223333:policy/deleted is not in the export", Assert.Single(dave.Gaps));
    }

    [Fact]
    public void APermissionsBoundaryLimitsWhatAnAdministratorRoleMayDo()
    {
        var access = Access();

        Assert.Equal(Decision.Allowed, access.Can("bounded", "s3:DeleteBucket", "arn:aws:s3:::reports").Result.Decision);
        var iam = access.Can("bounded", "iam:CreateUser", "arn:aws:iam::111122223333:user/mallory");
        Assert.Equal(Decision.ImplicitlyDenied, iam.Result.Decision);
        Assert.Equal("the permissions boundary does not allow it", iam.Result.Trace.Reason);
    }

    [Fact]
    public void AnScpWithAConditionalDenyLeavesTheAnswerConditionalAndAnUnconditionalDenyIsFinal()
    {
        var access = Access(new AccessOptions { ServiceControlPolicies = [[Policy(RegionScp, PolicyKind.ServiceControl)]] });

        var read = access.Can("alice", "s3:GetObject", Bucket);
        Assert.True(read.Result.IsConditional);
        var deny = Assert.Single(read.Result.Requirements);
        Assert.Equal(("serviceControlPolicies[0]", "EuropeOnly", PolicyEffect.Deny), (deny.Layer, deny.Sid, deny.Effect));
        Assert.Equal("StringNotEquals aws:RequestedRegion [eu-west-1, eu-central-1]", deny.Describe());

        var stop = access.Can("admin", "cloudtrail:StopLogging", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main");
        Assert.Equal(Decision.ExplicitlyDenied, stop.Result.Decision);
        Assert.Empty(stop.Result.Requirements);
    }

    [Fact]
    public void ServiceControlPoliciesDoNotLimitServiceLinkedRoles()
    {
        var access = Access(new AccessOptions { ServiceControlPolicies = [[Policy(RegionScp, PolicyKind.ServiceControl)]] });

        var answer = access.Can("AWSServiceRoleForSupport", "cloudtrail:StopLogging", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main");

        Assert.Equal((Decision.Allowed, false), (answer.Result.Decision, answer.Result.IsConditional));
        Assert.DoesNotContain(answer.Result.Trace.Layers, layer => layer.Layer.StartsWith("serviceControl", StringComparison.Ordinal));
    }

    [Fact]
    public void WhoCanAssumeARoleReadsItsTrustPolicy()
    {
        var answers = Access().WhoCan("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin").Allowed;

        // erin is named by the trust policy, which grants her directly; the others' own policies allow it and the trust
        // policy allows the account, which leaves it to identity policies — but only with MFA.
        Assert.Equal([("erin", false), ("admin", true), ("AWSServiceRoleForSupport", true), ("deploy", true)],
            answers.Select(a => (a.PrincipalName, a.Result.IsConditional)));
        Assert.Equal("the role's trust policy allows the caller by name", answers[0].Result.Trace.Reason);
        var mfa = Assert.Single(answers[3].Result.Requirements);
        Assert.Equal(("resourcePolicy", "trust policy of role admin", "$.Statement[1]"), (mfa.Layer, mfa.Policy, mfa.Statement));
    }

    [Fact]
    public void WhoCanListsUsersThenRolesAndLeavesOutThoseNoRequestCouldAllow()
    {
        var answers = Access().WhoCan("s3:GetObject", Bucket).Allowed;

        Assert.Equal(
            [("alice", false), ("bob", true), ("carol", false), ("admin", false), ("bounded", false), ("AWSServiceRoleForSupport", false)],
            answers.Select(a => (a.PrincipalName, a.Result.IsConditional)));
    }

    [Fact]
    public void AResourceInAnotherAccountNeedsItsResourcePolicy()
    {
        var elsewhere = "arn:aws:sqs:eu-west-1:444455556666:orders";
        var queuePolicy = Policy("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/admin"},
              "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:444455556666:orders"}]}
            """, PolicyKind.Resource);

        Assert.Empty(Access().WhoCan("sqs:SendMessage", elsewhere).Allowed);
        var answers = Access(new AccessOptions { ResourcePolicy = queuePolicy }).WhoCan("sqs:SendMessage", elsewhere).Allowed;
        Assert.Equal(["admin"], answers.Select(a => a.PrincipalName));
        Assert.Equal("the resource policy and an identity policy both allow it", answers[0].Result.Trace.Reason);
    }

    [Fact]
    public void PrincipalsAreFoundByArnOrNameAndANameTwoPrincipalsShareIsAmbiguous()
    {
        var access = Access();

        Assert.True(access.TryFindPrincipal("alice", out var alice, out _));
        Assert.Equal("arn:aws:iam::111122223333:user/alice", alice);
        Assert.True(access.TryFindPrincipal("arn:aws:iam::111122223333:role/deploy", out var role, out _));
        Assert.Equal("arn:aws:iam::111122223333:role/deploy", role);
        Assert.False(access.TryFindPrincipal("deploy", out _, out var ambiguous));
        Assert.Equal("'deploy' is both a user and a role; give the ARN (arn:aws:iam::111122223333:user/deploy or arn:aws:iam::111122223333:role/deploy)", ambiguous);
        Assert.False(access.TryFindPrincipal("zoe", out _, out var missing));
        Assert.Equal("the export has no user or role named 'zoe'", missing);
        Assert.Throws<ArgumentException>(() => access.Can("zoe", "s3:GetObject", Bucket));
    }

    [Fact]
    public void APolicyWithErrorsIsReportedOnceWhereItIsInTheExportAndLeftOut()
    {
        const string broken = """
            {"UserDetailList": [
              {"UserName": "u1", "Arn": "arn:aws:iam::111122223333:user/u1", "GroupList": ["g"], "UserPolicyList": [], "AttachedManagedPolicies": []},
              {"UserName": "u2", "Arn": "arn:aws:iam::111122223333:user/u2", "GroupList": ["g"], "UserPolicyList": [], "AttachedManagedPolicies": []}],
             "GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws:iam::111122223333:group/g", "AttachedManagedPolicies": [],
               "GroupPolicyList": [{"PolicyName": "typo", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}}]}]}
            """;
        var diagnostics = new DiagnosticBag();
        var access = AccountAccess.Create(AccountAuthorizationReader.Parse(broken, "authz.json", diagnostics), new AccessOptions(), diagnostics);

        var answers = access.WhoCan("s3:GetObject", "*");

        Assert.Empty(answers.Allowed);
        Assert.Equal(["u1", "u2"], answers.Uncertain.Select(a => a.PrincipalName));
        var error = Assert.Single(diagnostics.ToImmutableArray());
        Assert.Equal("authz.json:$.GroupDetailList[0].GroupPolicyList[0].PolicyDocument.Statement[0].Effect", error.Location.ToString());
        Assert.Equal("inline policy typo of group g has errors and was left out", Assert.Single(access.Can("u2", "s3:GetObject", "*").Gaps));
    }

    private static AccountAccess Access(AccessOptions? options = null) =>
        AccountAccess.Create(Details, options ?? new AccessOptions(), NullDiagnosticSink.Instance);

    private static PolicyDocument Policy(string json, PolicyKind kind)
    {
        var bag = new DiagnosticBag();
        var document = PolicyDocument.Parse(json, "policy.json", kind, bag);
        Assert.True(document is not null, string.Join("\n", bag.ToImmutableArray()));
        return document;
    }
}
