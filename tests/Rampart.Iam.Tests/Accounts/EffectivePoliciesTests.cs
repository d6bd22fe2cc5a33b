using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>What applies to a principal: its own policies, its groups' policies, and its boundary.</summary>
public sealed class EffectivePoliciesTests
{
    private const string Export = """
        {
          "UserDetailList": [
            {"UserName": "dana", "Arn": "arn:aws:iam::111122223333:user/dana", "GroupList": ["developers", "on-call", "gone"],
             "UserPolicyList": [{"PolicyName": "own-bucket", "PolicyDocument": {"Statement": "own"}}],
             "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                                         {"PolicyName": "deleted", "PolicyArn": "arn:aws:iam::111122223333:policy/deleted"}],
             "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/boundary"}}
          ],
          "GroupDetailList": [
            {"GroupName": "developers", "Arn": "arn:aws:iam::111122223333:group/developers",
             "GroupPolicyList": [{"PolicyName": "deploy", "PolicyDocument": {"Statement": "deploy"}}],
             "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]},
            {"GroupName": "on-call", "Arn": "arn:aws:iam::111122223333:group/on-call", "GroupPolicyList": [],
             "AttachedManagedPolicies": [{"PolicyName": "pager", "PolicyArn": "arn:aws:iam::111122223333:policy/pager"}]}
          ],
          "RoleDetailList": [
            {"RoleName": "api", "Arn": "arn:aws:iam::111122223333:role/api",
             "AssumeRolePolicyDocument": {"Statement": "trust"},
             "RolePolicyList": [{"PolicyName": "table", "PolicyDocument": {"Statement": "table"}}],
             "AttachedManagedPolicies": [{"PolicyName": "pager", "PolicyArn": "arn:aws:iam::111122223333:policy/pager"}],
             "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/boundary"}}
          ],
          "Policies": [
            {"PolicyName": "ReadOnlyAccess", "Arn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "Document": {"Statement": "read"}}]},
            {"PolicyName": "pager", "Arn": "arn:aws:iam::111122223333:policy/pager", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "Document": {"Statement": "pager"}}]},
            {"PolicyName": "boundary", "Arn": "arn:aws:iam::111122223333:policy/boundary", "DefaultVersionId": "v1",
             "PolicyVersionList": [{"VersionId": "v1", "Document": {"Statement": "boundary"}}]}
          ]
        }
        """;

    private readonly AccountAuthorizationDetails _account = Authz.Read(Export, out _);

    [Fact]
    public void GroupPoliciesFlowIntoAUsersEffectivePoliciesAfterItsOwn()
    {
        var dana = _account.EffectivePolicies(_account.FindUser("dana")!);

        Assert.Equal(
            [
                (PolicyAttachment.Inline, "own-bucket", null, null, """{"Statement": "own"}""", "authz.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument"),
                (PolicyAttachment.Managed, "ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", null, """{"Statement": "read"}""", "authz.json: $.Policies[0].PolicyVersionList[0].Document"),
                (PolicyAttachment.GroupInline, "deploy", null, "developers", """{"Statement": "deploy"}""", "authz.json: $.GroupDetailList[0].GroupPolicyList[0].PolicyDocument"),
                (PolicyAttachment.GroupManaged, "ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", "developers", """{"Statement": "read"}""", "authz.json: $.Policies[0].PolicyVersionList[0].Document"),
                (PolicyAttachment.GroupManaged, "pager", "arn:aws:iam::111122223333:policy/pager", "on-call", """{"Statement": "pager"}""", "authz.json: $.Policies[1].PolicyVersionList[0].Document"),
            ],
            dana.Identity.Select(policy => (policy.Attachment, policy.PolicyName, policy.PolicyArn, policy.GroupName, policy.Document.Json, policy.Document.Origin)));
        Assert.Equal("""{"Statement": "boundary"}""", dana.PermissionsBoundary!.Document.Json);
        Assert.Equal(PolicyAttachment.PermissionsBoundary, dana.PermissionsBoundary.Attachment);
        Assert.Equal("arn:aws:iam::111122223333:user/dana", dana.PrincipalArn);
    }

    [Fact]
    public void WhatTheExportLacksIsListedAndTheSetIsMarkedIncomplete()
    {
        var dana = _account.EffectivePolicies(_account.FindUser("dana")!);

        Assert.Equal("arn:aws:iam::111122223333:policy/deleted", Assert.Single(dana.MissingPolicyArns));
        Assert.Equal("gone", Assert.Single(dana.UnknownGroups));
        Assert.False(dana.IsComplete);
    }

    [Fact]
    public void ARolesEffectivePoliciesAreItsOwnAndItsBoundaryButNotItsTrustPolicy()
    {
        var api = _account.EffectivePolicies(_account.FindRole("api")!);

        Assert.Equal(["inline policy table", "managed policy arn:aws:iam::111122223333:policy/pager"], api.Identity.Select(policy => policy.ToString()));
        Assert.Equal("permissions boundary arn:aws:iam::111122223333:policy/boundary", api.PermissionsBoundary!.ToString());
        Assert.True(api.IsComplete);
        Assert.Equal("""{"Statement": "trust"}""", _account.FindRole("api")!.AssumeRolePolicy!.Json);
    }

    [Fact]
    public void APrincipalWithNothingAttachedHasNoEffectivePolicy()
    {
        var account = Authz.ReadClean("""{"UserDetailList":[{"UserName":"idle","Arn":"arn:aws:iam::111122223333:user/idle"}]}""");

        var idle = account.EffectivePolicies(account.Users[0]);

        Assert.Empty(idle.Identity);
        Assert.Null(idle.PermissionsBoundary);
        Assert.True(idle.IsComplete);
    }
}
