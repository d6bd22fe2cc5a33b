using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>rules validate</c> and <c>rules test</c> take posture checks beside Sigma rules.</summary>
public sealed class RulesCommandCheckTests : IDisposable
{
    private const string Check = """
        id: efs-encrypted
        title: EFS file system encrypted
        severity: medium
        resource: AWS::EFS::FileSystem
        assert: {path: configuration.Encrypted, op: equals, value: true}
        examples:
          - name: encrypted
            status: PASS
            resource:
              configuration: {Encrypted: true}
          - name: wrongly expected
            status: PASS
            resource:
              configuration: {Encrypted: false}
        """;

    private const string Rule = """
        title: Console login
        id: 5f3d2c1b-0000-4000-8000-000000000001
        logsource: {product: aws, service: cloudtrail}
        detection:
          selection: {eventName: ConsoleLogin}
          condition: selection
        level: low
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFolderOfRulesAndChecksIsValidatedAndTestedTogether()
    {
        _temp.Write("content/rule.yml", Rule);
        _temp.Write("content/check.yml", Check);
        var folder = Path.Combine(_temp.Path, "content");

        var (valid, validated, _) = await CliRunner.Run("rules", "validate", folder);
        var (tested, output, error) = await CliRunner.Run("rules", "test", folder);

        Assert.Equal(0, valid);
        Assert.Contains("1 rules compiled; 0 errors, 0 warnings.", validated, StringComparison.Ordinal);
        Assert.Contains("1 checks compiled; 0 errors, 0 warnings.", validated, StringComparison.Ordinal);
        Assert.Equal(1, tested);
        Assert.Contains("1 checks tested with 2 examples: 1 failures; 0 checks have no examples.", output, StringComparison.Ordinal);
        Assert.Contains("wrongly expected", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenCheckIsReportedWithItsLocationAndExitsTwo()
    {
        var file = _temp.Write("broken.yml", Check.Replace("op: equals", "op: equal", StringComparison.Ordinal));

        var (exit, output, error) = await CliRunner.Run("rules", "validate", file);

        Assert.Equal(2, exit);
        Assert.Contains("0 checks compiled; 1 errors", output, StringComparison.Ordinal);
        Assert.Matches(@"broken\.yml:5:\d+: CHK\d{3}: .*equal", error);
    }
}
