using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;

namespace Rampart.Posture.Tests.Muting;

public sealed class MuteListTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private const string Mutes = """
        mutes:
          - check: s3-bucket-*
            resource: "arn:aws:s3:::public-site-*"
            reason: public website by design
            expires: 2027-01-31
          - check: ec2-sg-ssh-open
            account: "111122223333"
            region: eu-west-1
            tags: {environment: sandbox}
            reason: sandbox bastion, torn down nightly
          - check: kms-rotation
            reason: old exception
            expires: 2026-11-30
        """;

    [Theory]
    [InlineData("s3-bucket-public-policy", "arn:aws:s3:::public-site-www", null, true)]
    [InlineData("s3-bucket-public-policy", "arn:aws:s3:::payroll", null, false)]
    [InlineData("ec2-sg-ssh-open", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1", "sandbox", true)]
    [InlineData("ec2-sg-ssh-open", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1", "production", false)]
    [InlineData("kms-rotation", "arn:aws:kms:eu-west-1:111122223333:key/k", null, false)]
    public void MutesMatchByCheckResourceAccountRegionAndTagsUntilTheyExpire(string check, string key, string? environment, bool muted)
    {
        var list = MuteList.Parse(Mutes, "mutes.yml", Now, NullDiagnosticSink.Instance);
        var resource = Resource(key, environment);

        Assert.Equal(muted, list.Find(check, resource, Now) is not null);
    }

    [Fact]
    public void AnExpiredMuteIsReportedAndAMuteAfterItsLastDayNoLongerApplies()
    {
        var diagnostics = new DiagnosticBag();
        var list = MuteList.Parse(Mutes, "mutes.yml", Now, diagnostics);

        var expired = Assert.Single(diagnostics.ToImmutableArray());
        Assert.Equal("mutes.yml:11:5: MUTE007: the mute expired on 2026-11-30 and no longer applies; renew or remove it", expired.ToString());
        var site = Resource("arn:aws:s3:::public-site-www", null);
        Assert.NotNull(list.Find("s3-bucket-logging", site, new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Null(list.Find("s3-bucket-logging", site, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void EveryBrokenMuteIsReportedWhereItIsAndTheRestIsKept()
    {
        var diagnostics = new DiagnosticBag();
        var list = MuteList.Parse("""
            mutes:
              - check: a
              - check: b
                reason: ok
                expires: soon
              - check: c
                reason: fine
                owner: me
              - check: d
                reason: kept
            """, "mutes.yml", Now, diagnostics);

        Assert.Equal(
            [
                "mutes.yml:2:5: MUTE006: a mute needs a `reason`",
                "mutes.yml:5:14: MUTE004: `expires` takes a date such as 2027-01-31, not 'soon'",
                "mutes.yml:8:5: MUTE005: unknown key `owner`; a mute has check, resource, account, region, tags, reason, expires",
            ],
            diagnostics.ToImmutableArray().Select(d => d.ToString()));
        Assert.Equal(["d"], list.Rules.Select(r => r.Check));
    }

    private static CloudResource Resource(string key, string? environment)
    {
        var resource = new CloudResource
        {
            Key = key,
            Type = "AWS::Test::Thing",
            Account = "111122223333",
            Region = key.StartsWith("arn:aws:s3", StringComparison.Ordinal) ? "global" : "eu-west-1",
            Id = key[(key.LastIndexOfAny([':', '/']) + 1)..],
            Configuration = JsonDocument.Parse("{}").RootElement.Clone(),
            Provenance = new ResourceProvenance("test", "test", null),
        };
        return environment is null ? resource : resource with { Tags = resource.Tags.Add("environment", environment) };
    }
}
