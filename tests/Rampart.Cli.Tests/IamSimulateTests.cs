using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class IamSimulateTests : IDisposable
{
    private const string Allow = """{"Version": "2012-10-17", "Statement": [{"Sid": "ReadReports", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"}]}""";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BatchWritesOneResultLinePerInputAndCarriesErrorsOnTheirLines()
    {
        var lines = string.Join("\n",
            $$"""{"id": "a", "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv"}, "identityPolicies": [{{Allow}}]}""",
            "",
            $$"""{"id": 2, "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:PutObject", "resource": "arn:aws:s3:::reports/q1.csv"}, "identityPolicies": [{{Allow}}], "permissionBoundary": null}""",
            """{"id": "bad", "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*"}, "identityPolicies": [{"Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]}]}""",
            $$"""{"id": "deny", "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv"}, "identityPolicies": [{{Allow}}], "serviceControlPolicies": [[{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}]]}""");
        var input = _temp.Write("batch.jsonl", lines);

        var (exit, output, error) = await CliRunner.Run("iam", "simulate", "--batch", input);

        Assert.Equal(2, exit);
        Assert.Contains("1 inputs had errors", error);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(("a", "Allowed"), (results[0].GetProperty("id").GetString(), results[0].GetProperty("decision").GetString()));
        var statement = results[0].GetProperty("trace").GetProperty("layers")[0].GetProperty("statements")[0];
        Assert.Equal("ReadReports", statement.GetProperty("sid").GetString());
        Assert.Equal((2, "ImplicitlyDenied"), (results[1].GetProperty("id").GetInt32(), results[1].GetProperty("decision").GetString()));
        var problem = Assert.Single(results[2].GetProperty("errors").EnumerateArray());
        Assert.Equal("IAM006", problem.GetProperty("code").GetString());
        Assert.EndsWith("batch.jsonl:4:$.identityPolicies[0].Statement[0].Effect", problem.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal("ExplicitlyDenied", results[3].GetProperty("decision").GetString());
        Assert.Equal("a Deny statement in serviceControlPolicies[0] applies", results[3].GetProperty("trace").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task FlagsBuildTheSameRequestAsTheJsonForm()
    {
        var policy = _temp.Write("identity.json", Allow);
        var boundary = _temp.Write("boundary.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

        var (inside, insideOutput, _) = await CliRunner.Run("iam", "simulate", "--principal", "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject",
            "--resource", "arn:aws:s3:::reports/q1.csv", "--identity-policy", policy, "--permission-boundary", boundary, "--context", "aws:SourceIp=203.0.113.9");
        var (_, outsideOutput, _) = await CliRunner.Run("iam", "simulate", "--principal", "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject",
            "--resource", "arn:aws:s3:::reports/q1.csv", "--identity-policy", policy, "--permission-boundary", boundary, "--context", "aws:SourceIp=198.51.100.1");

        Assert.Equal(0, inside);
        Assert.Equal("Allowed", JsonDocument.Parse(insideOutput).RootElement.GetProperty("decision").GetString());
        var outside = JsonDocument.Parse(outsideOutput).RootElement;
        Assert.Equal("ImplicitlyDenied", outside.GetProperty("decision").GetString());
        Assert.Equal("the permissions boundary does not allow it", outside.GetProperty("trace").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AMissingPolicyFileIsReportedAndNothingIsDecided()
    {
        var (exit, output, error) = await CliRunner.Run("iam", "simulate", "--principal", "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject",
            "--identity-policy", _temp.Combine("nope.json"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("nope.json: SIM001: the policy file does not exist.", error);
    }
}
