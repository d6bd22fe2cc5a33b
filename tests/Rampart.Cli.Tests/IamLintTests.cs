using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class IamLintTests : IDisposable
{
    private const string Clean = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""";

    private const string Suspicious = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:GetObjects", "s3:ListBucket"], "Resource": "arn:aws:s3:::reports",
           "Condition": {"StringLike": {"s3:prefx": "home/*"}}}]}
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WarningsArePrintedWithTheirJsonPathAndTheExitCodeStaysZero()
    {
        var clean = _temp.Write("clean.json", Clean);
        var suspicious = _temp.Write("suspicious.json", Suspicious);

        var (exit, output, error) = await CliRunner.Run("iam", "lint", clean, suspicious);

        Assert.Equal(0, exit);
        Assert.Equal("2 policies linted; 0 errors, 2 warnings, 0 notes.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(
        [
            $"{suspicious}:$.Statement[0].Action[0]: IAM104: warning: action 's3:GetObjects': Amazon S3 has no documented action 'GetObjects'; did you mean 's3:GetObject'?",
            $"{suspicious}:$.Statement[0].Condition.StringLike['s3:prefx']: IAM106: warning: AWS documents no condition key 's3:prefx', global or of a service; did you mean 's3:prefix'?",
        ], error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ErrorsExitWithTwoAndAMissingFileIsOneOfThem()
    {
        var bad = _temp.Write("bad.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}""");
        var missing = _temp.Combine("missing.json");

        var (exit, output, error) = await CliRunner.Run("iam", "lint", bad, missing);

        Assert.Equal(2, exit);
        Assert.Equal("2 policies linted; 2 errors, 0 warnings, 0 notes.\n", output.ReplaceLineEndings("\n"));
        Assert.Contains($"{bad}:$.Statement[0].Effect: IAM006: Effect 'allow' is neither 'Allow' nor 'Deny' (they are case-sensitive)", error);
        Assert.Contains($"{missing}: LINT001: the file does not exist or cannot be read.", error);
    }

    [Fact]
    public async Task TheKindDecidesWhichElementsAStatementNeeds()
    {
        var trust = _temp.Write("trust.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");

        var (asIdentity, _, identityError) = await CliRunner.Run("iam", "lint", trust);
        var (asTrust, trustOutput, trustError) = await CliRunner.Run("iam", "lint", "--kind", "trust", trust);

        Assert.Equal(2, asIdentity);
        Assert.Contains("IAM008: an identity policy takes no Principal or NotPrincipal", identityError);
        Assert.Equal(0, asTrust);
        Assert.Equal("", trustError);
        Assert.StartsWith("1 policy linted; 0 errors, 0 warnings, 0 notes.", trustOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFormatWritesOneDocumentWithEveryDiagnosticAndItsPath()
    {
        var suspicious = _temp.Write("suspicious.json", Suspicious);
        var other = _temp.Write("other.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/t"}]}""");

        var (exit, output, error) = await CliRunner.Run("iam", "lint", "--format", "json", suspicious, other);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((2, 0, 2, 1), (root.GetProperty("policies").GetInt32(), root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32(), root.GetProperty("notes").GetInt32()));
        var items = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(
            ["IAM104 warning $.Statement[0].Action[0]", "IAM106 warning $.Statement[0].Condition.StringLike['s3:prefx']", "IAM117 note $.Statement[0].Resource"],
            items.Select(i => $"{i.GetProperty("code").GetString()} {i.GetProperty("severity").GetString()} {i.GetProperty("path").GetString()}"));
        Assert.Equal(other, items[2].GetProperty("file").GetString());
    }

    [Fact]
    public async Task AnUnknownKindIsABadUsage()
    {
        var (exit, _, error) = await CliRunner.Run("iam", "lint", "--kind", "group", "p.json");

        Assert.Equal(2, exit);
        Assert.Contains("group", error);
    }
}
