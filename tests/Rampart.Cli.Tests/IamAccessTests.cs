using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class IamAccessTests : IDisposable
{
    private const string Export = """
        {
          "UserDetailList": [
            {"UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice", "GroupList": [], "AttachedManagedPolicies": [],
             "UserPolicyList": [{"PolicyName": "reports", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}}]},
            {"UserName": "bob", "Arn": "arn:aws:iam::111122223333:user/bob", "GroupList": [], "AttachedManagedPolicies": [],
             "UserPolicyList": [{"PolicyName": "mfa", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}}]},
            {"UserName": "carol", "Arn": "arn:aws:iam::111122223333:user/carol", "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": []}
          ],
          "RoleDetailList": [
            {"RoleName": "ops", "Arn": "arn:aws:iam::111122223333:role/ops",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/carol"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [{"PolicyName": "typo", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Conditon": {}}]}}],
             "AttachedManagedPolicies": []}
          ],
          "Policies": []
        }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WhoCanListsEveryPrincipalThatMayWithTheConditionsThatStillApply()
    {
        var export = _temp.Write("authz.json", Export);

        var (exit, output, error) = await CliRunner.Run("iam", "who-can", "s3:GetObject", "arn:aws:s3:::reports/q4.csv", "--account-data", export);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "user  alice  allowed           via inline policy reports of user alice $.Statement[0]",
                "user  bob    under conditions  via inline policy mfa of user bob $.Statement[0]",
                "only when (identityPolicies):",
                "Bool aws:MultiFactorAuthPresent true   [inline policy mfa of user bob $.Statement[0]]",
                "2 of 4 users and roles can s3:GetObject on arn:aws:s3:::reports/q4.csv; 1 of them only under conditions.",
                "1 more cannot as far as the export shows, but their policies are incomplete:",
                "role ops: inline policy typo of role ops has errors and was left out",
            ],
            lines);

        // The role's broken policy is reported where it is in the export, and the rest of the account is still answered.
        Assert.Contains("authz.json:$.RoleDetailList[0].RolePolicyList[0].PolicyDocument.Statement[0].Conditon: IAM003:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoCanAsJsonCarriesRequirementsAndAKnownContextDecidesThem()
    {
        var export = _temp.Write("authz.json", Export);

        var (_, open, _) = await CliRunner.Run("iam", "who-can", "s3:GetObject", "arn:aws:s3:::reports/q4.csv", "--account-data", export, "-o", "json");
        var (_, known, _) = await CliRunner.Run("iam", "who-can", "s3:GetObject", "arn:aws:s3:::reports/q4.csv", "--account-data", export, "-o", "json",
            "--context", "aws:MultiFactorAuthPresent=false");

        var bob = JsonDocument.Parse(open).RootElement.GetProperty("principals")[1];
        Assert.Equal(("bob", "Allowed", true), (bob.GetProperty("name").GetString(), bob.GetProperty("decision").GetString(), bob.GetProperty("conditional").GetBoolean()));
        var condition = bob.GetProperty("requirements")[0].GetProperty("conditions")[0];
        Assert.Equal(("Bool", "aws:MultiFactorAuthPresent", "true"),
            (condition.GetProperty("operator").GetString(), condition.GetProperty("key").GetString(), condition.GetProperty("values")[0].GetString()));
        Assert.Equal(["alice"], JsonDocument.Parse(known).RootElement.GetProperty("principals").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(4, JsonDocument.Parse(known).RootElement.GetProperty("principalsAsked").GetInt32());
    }

    [Fact]
    public async Task CanExitsOneWhenThePrincipalMayNotAndExplainsWhy()
    {
        var export = _temp.Write("authz.json", Export);
        var scp = _temp.Write("scp.json", """
            {"Policy": {"PolicySummary": {"Name": "no-deletes"}, "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}]}"}}
            """);

        var (allowed, allowedOutput, _) = await CliRunner.Run("iam", "can", "carol", "sts:AssumeRole", "arn:aws:iam::111122223333:role/ops", "--account-data", export);
        var (denied, deniedOutput, _) = await CliRunner.Run("iam", "can", "arn:aws:iam::111122223333:user/bob", "s3:DeleteObject", "arn:aws:s3:::reports/q4.csv",
            "--account-data", export, "--scp", scp);

        Assert.Equal(0, allowed);
        Assert.StartsWith("user carol (arn:aws:iam::111122223333:user/carol): sts:AssumeRole on arn:aws:iam::111122223333:role/ops: allowed\n  because the role's trust policy allows the caller by name",
            allowedOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, denied);
        Assert.Contains("s3:DeleteObject on arn:aws:s3:::reports/q4.csv: explicitly denied\n  because a Deny statement in serviceControlPolicies[0] applies",
            deniedOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("scp.json (policy no-deletes) $.Statement[1] (Sid NoDeletes)", deniedOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dave", "rampart iam can: the export has no user or role named 'dave'.")]
    [InlineData("--scp", "missing.json: IAMQ002: the policy file does not exist")]
    [InlineData("--context", "--context MFA: IAMQ001: expected KEY=VALUE")]
    public async Task BadInputGetsADiagnosticAndExitTwo(string what, string message)
    {
        var export = _temp.Write("authz.json", Export);
        string[] arguments = what switch
        {
            "--scp" => ["iam", "can", "alice", "s3:GetObject", "--account-data", export, "--scp", "missing.json"],
            "--context" => ["iam", "can", "alice", "s3:GetObject", "--account-data", export, "--context", "MFA"],
            _ => ["iam", "can", what, "s3:GetObject", "--account-data", export],
        };

        var (exit, _, error) = await CliRunner.Run(arguments);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
