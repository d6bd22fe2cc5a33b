using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>Policy documents come out as JSON text, whatever form the export held them in.</summary>
public sealed class PolicyTextTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string Inline = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports+archive/*"}}""";
    private const string Managed = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/équipe":"paiements"}}}]}""";

    [Fact]
    public void UrlEncodedDocumentsAsTheRawApiReturnsThemAreDecoded()
    {
        var account = Authz.ReadClean($$"""
            {"RoleDetailList":[{"RoleName":"worker","Arn":"arn:aws:iam::111122223333:role/worker",
              "AssumeRolePolicyDocument":"{{Uri.EscapeDataString(Trust)}}",
              "RolePolicyList":[{"PolicyName":"reports","PolicyDocument":"{{Uri.EscapeDataString(Inline)}}"}],
              "AttachedManagedPolicies":[{"PolicyName":"queues","PolicyArn":"arn:aws:iam::111122223333:policy/queues"}]}],
             "Policies":[{"PolicyName":"queues","Arn":"arn:aws:iam::111122223333:policy/queues","DefaultVersionId":"v1",
              "PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,"Document":"{{Uri.EscapeDataString(Managed)}}"}]}]}
            """);

        var role = Assert.Single(account.Roles);
        Assert.Equal(new PolicyText(Trust, "authz.json: $.RoleDetailList[0].AssumeRolePolicyDocument"), role.AssumeRolePolicy);
        Assert.Equal(new PolicyText(Inline, "authz.json: $.RoleDetailList[0].RolePolicyList[0].PolicyDocument"), Assert.Single(role.InlinePolicies).Document);
        Assert.Equal(new PolicyText(Managed, "authz.json: $.Policies[0].PolicyVersionList[0].Document"), Assert.Single(account.Policies).DefaultDocument);
    }

    [Fact]
    public void APlusInAnEncodedDocumentStaysAPlusAndMultiByteEscapesBecomeTheirCharacters()
    {
        var account = Authz.ReadClean("""
            {"UserDetailList":[{"UserName":"ana","Arn":"arn:aws:iam::111122223333:user/ana","UserPolicyList":[{"PolicyName":"p",
              "PolicyDocument":"%7B%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%2F%2A%22%2C%22Sid%22%3A%22%C3%A9t%C3%A9%22%7D"}]}]}
            """);

        Assert.Equal("""{"Resource":"arn:aws:s3:::a+b/*","Sid":"été"}""", account.Users[0].InlinePolicies[0].Document.Json);
    }

    [Fact]
    public void ADocumentHeldAsAPlainJsonStringIsTakenAsIs()
    {
        var escaped = Inline.Replace("\"", "\\\"", StringComparison.Ordinal);
        var account = Authz.ReadClean($$"""
            {"GroupDetailList":[{"GroupName":"readers","Arn":"arn:aws:iam::111122223333:group/readers","GroupPolicyList":[{"PolicyName":"p","PolicyDocument":"{{escaped}}"}]}]}
            """);

        Assert.Equal(Inline, account.Groups[0].InlinePolicies[0].Document.Json);
    }

    [Fact]
    public void ADocumentHeldAsAnObjectKeepsTheTextTheFileHasWithItsLayout()
    {
        const string document = """
            {
                            "Version": "2012-10-17",
                            "Statement": { "Effect": "Deny", "Action": "iam:*", "Resource": "*" }
                        }
            """;
        var account = Authz.ReadClean($$"""
            {
                "UserDetailList": [
                    {
                        "UserName": "bob",
                        "Arn": "arn:aws:iam::111122223333:user/bob",
                        "UserPolicyList": [{ "PolicyName": "no-iam", "PolicyDocument": {{document}} }]
                    }
                ]
            }
            """);

        Assert.Equal(document, account.Users[0].InlinePolicies[0].Document.Json);
        Assert.Equal("authz.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument", account.Users[0].InlinePolicies[0].Document.ToString());
    }

    [Fact]
    public void OnlyTheDefaultVersionsDocumentIsKept()
    {
        var account = Authz.ReadClean("""
            {"Policies":[
              {"Arn":"arn:aws:iam::111122223333:policy/a","DefaultVersionId":"v2","PolicyVersionList":[
                {"VersionId":"v1","IsDefaultVersion":false,"Document":{"old":1}},
                {"VersionId":"v2","IsDefaultVersion":true,"Document":{"new":2}}]},
              {"Arn":"arn:aws:iam::111122223333:policy/b","PolicyVersionList":[
                {"VersionId":"v1","Document":{"old":1}},
                {"VersionId":"v7","IsDefaultVersion":true,"Document":{"new":7}}]},
              {"Arn":"arn:aws:iam::111122223333:policy/team/c","PolicyVersionList":[{"Document":{"only":1}}]}]}
            """);

        Assert.Equal(["""{"new":2}""", """{"new":7}""", """{"only":1}"""], account.Policies.Select(policy => policy.DefaultDocument.Json));
        Assert.Equal(["v2", "v7", ""], account.Policies.Select(policy => policy.DefaultVersionId));
        Assert.Equal(["a", "b", "c"], account.Policies.Select(policy => policy.Name));
    }
}
