using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>rampart assess --at</c> and <c>--baseline-at</c> over an AWS Config history.</summary>
public sealed class AssessHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("delivered")]
    [InlineData("api")]
    public async Task TwoDatesOfAHistoryShowTheDriftAndTheChecksThatFlipped(string dialect)
    {
        var history = dialect == "api" ? ConfigHistoryFixture.WriteApi(_temp, "api") : ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, output, error) = await CliRunner.Run("assess", history, "--baseline-at", "2026-01-15", "--at", "2026-02-01T00:00:00+01:00");

        Assert.True(exit == 0, error);
        Assert.Contains($"CREATED  AWS::S3::Bucket  {ConfigHistoryFixture.Bucket}", output, StringComparison.Ordinal);
        Assert.Contains($"DELETED  AWS::EC2::Volume  {ConfigHistoryFixture.Volume}", output, StringComparison.Ordinal);
        Assert.Contains($"CHANGED  AWS::EC2::SecurityGroup  {ConfigHistoryFixture.Group}", output, StringComparison.Ordinal);
        Assert.Contains("/configuration/IpPermissions/0/IpRanges/0 (tcp 22-22 CidrIp=0.0.0.0/0): (none) → {\"CidrIp\":\"0.0.0.0/0\"}", output, StringComparison.Ordinal);
        Assert.Contains($"FLIPPED  ec2-sg-ssh-open-ipv4  {ConfigHistoryFixture.Group}: PASS → FAIL", output, StringComparison.Ordinal);
        Assert.Contains($"FLIPPED  ebs-volume-encrypted  {ConfigHistoryFixture.Volume}: FAIL → (gone)", output, StringComparison.Ordinal);
        Assert.Contains("3 resources drifted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesCarryTheChangesWithTheirPointersAndTheFlippedChecks()
    {
        var history = ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, output, error) = await CliRunner.Run("assess", history, "--baseline-at", "2026-01-10T09:00:00Z", "--at", "2026-01-30T09:00:00Z", "-o", "jsonl");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var changes = lines.Where(l => l.TryGetProperty("change", out _)).ToDictionary(l => l.GetProperty("resource").GetString()!, l => l);
        Assert.Equal("created", changes[ConfigHistoryFixture.Bucket].GetProperty("change").GetString());
        Assert.Equal("deleted", changes[ConfigHistoryFixture.Volume].GetProperty("change").GetString());
        var opened = changes[ConfigHistoryFixture.Group].GetProperty("fields").EnumerateArray()
            .Single(f => f.TryGetProperty("after", out _) && f.GetProperty("identity").GetString() == "tcp 22-22 CidrIp=0.0.0.0/0");
        Assert.Equal("/configuration/IpPermissions/0/IpRanges/0", opened.GetProperty("pointer").GetString());
        var flips = lines.Where(l => l.TryGetProperty("flipped", out _))
            .Select(l => (l.GetProperty("checkId").GetString(), l.GetProperty("resource").GetString(), Text(l, "before"), Text(l, "after"))).ToList();
        Assert.Contains(("ec2-sg-ssh-open-ipv4", ConfigHistoryFixture.Group, "PASS", "FAIL"), flips);
        Assert.Contains(("ebs-volume-encrypted", ConfigHistoryFixture.Volume, "FAIL", null), flips);
        Assert.Contains(flips, f => f.Item2 == ConfigHistoryFixture.Bucket && f.Item3 is null);
        Assert.DoesNotContain(lines, l => l.TryGetProperty("status", out _) && l.GetProperty("resource").GetString() == ConfigHistoryFixture.Volume);
    }

    [Fact]
    public async Task AtADateOnlyTheStateOfThatDateIsAssessed()
    {
        var history = ConfigHistoryFixture.WriteApi(_temp, "api");

        var (early, earlyOut, _) = await CliRunner.Run("assess", history, "--at", "2026-01-15", "-o", "jsonl");
        var (late, lateOut, _) = await CliRunner.Run("assess", history, "-o", "jsonl");

        Assert.Equal((0, 0), (early, late));
        Assert.Equal("PASS", Status(earlyOut, "ec2-sg-ssh-open-ipv4", ConfigHistoryFixture.Group));
        Assert.Equal("FAIL", Status(earlyOut, "ebs-volume-encrypted", ConfigHistoryFixture.Volume));
        Assert.DoesNotContain(ConfigHistoryFixture.Bucket, earlyOut, StringComparison.Ordinal);
        Assert.Equal("FAIL", Status(lateOut, "ec2-sg-ssh-open-ipv4", ConfigHistoryFixture.Group));
        Assert.DoesNotContain(ConfigHistoryFixture.Volume, lateOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateBeforeTheHistoryIsSaidAndTheInventoryIsEmpty()
    {
        var history = ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, output, error) = await CliRunner.Run("assess", history, "--at", "2025-06-01");

        Assert.Equal(0, exit);
        Assert.Contains("INV016: warning: no configuration item was captured at or before 2025-06-01T00:00:00Z; the first was captured at 2026-01-10T09:00:00Z", error, StringComparison.Ordinal);
        Assert.Contains("on 0 resources", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "yesterday", "rampart assess: --at: 'yesterday' is not an ISO 8601 date or date-time, such as 2024-05-01 or 2024-05-01T12:00:00Z.")]
    [InlineData("--baseline-at", "2026-13-01", "rampart assess: --baseline-at: '2026-13-01' is not an ISO 8601 date or date-time, such as 2024-05-01 or 2024-05-01T12:00:00Z.")]
    [InlineData("--at", "01/02/2026", "rampart assess: --at: '01/02/2026' is not an ISO 8601 date or date-time, such as 2024-05-01 or 2024-05-01T12:00:00Z.")]
    public async Task BadDateTextIsAUsageError(string option, string text, string message)
    {
        var history = ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, output, error) = await CliRunner.Run("assess", history, option, text);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task ABaselineAndABaselineDateTogetherAreAUsageError()
    {
        var history = ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, _, error) = await CliRunner.Run("assess", history, "--baseline", history, "--baseline-at", "2026-01-15");

        Assert.Equal(2, exit);
        Assert.Equal("rampart assess: --baseline and --baseline-at cannot be used together: --baseline compares with other inputs, --baseline-at with the same inputs at an earlier date.", error.Trim());
    }

    [Fact]
    public async Task ABaselineDateAfterTheAssessedDateIsAUsageError()
    {
        var history = ConfigHistoryFixture.WriteDelivered(_temp, "delivered");

        var (exit, _, error) = await CliRunner.Run("assess", history, "--baseline-at", "2026-02-01", "--at", "2026-01-15T12:00");

        Assert.Equal(2, exit);
        Assert.Equal("rampart assess: --baseline-at (2026-02-01T00:00:00Z) is after --at (2026-01-15T12:00:00Z); the baseline is the earlier state.", error.Trim());
    }

    private static string? Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Status(string jsonl, string check, string resource) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.TryGetProperty("status", out _) && r.GetProperty("checkId").GetString() == check && r.GetProperty("resource").GetString() == resource)
            .Select(r => r.GetProperty("status").GetString()).SingleOrDefault();
}
