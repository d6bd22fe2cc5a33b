namespace Rampart.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task TheDemoHuntsTheSampleAndAssessesASampleConfiguration()
    {
        var (exit, output, error) = await CliRunner.Run("demo", "--records", "2000");

        Assert.Equal(0, exit);
        Assert.Contains("Hunting it with", error, StringComparison.Ordinal);
        Assert.Matches(@"\d+ hits from \d+ rules", output);
        Assert.Contains("Assessing the configuration of account", error, StringComparison.Ordinal);
        Assert.Matches(@"FAIL +high +ec2-sg-ssh-open-ipv4 +arn:aws:ec2:[a-z0-9-]+:\d{12}:security-group/sg-0a1b2c3d4e5f60001", output);
        Assert.Contains("CIS AWS Foundations Benchmark:", output, StringComparison.Ordinal);
        // Checks across resources: a VPC without flow logs, and an alarm whose topic nobody has confirmed.
        Assert.Matches(@"FAIL +medium +vpc-flow-logs-enabled +arn:aws:ec2:[a-z0-9-]+:\d{12}:vpc/vpc-0legacy", output);
        Assert.Matches(@"FAIL +medium +cloudwatch-alarm-unauthorized-api-calls +Rampart::Account::Account/\d{12}/global/\d{12}", output);
        Assert.Contains("reason = \"topic arn:aws:sns:", output, StringComparison.Ordinal);
    }
}
