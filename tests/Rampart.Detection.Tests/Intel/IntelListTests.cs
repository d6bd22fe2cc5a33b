using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Intel;

namespace Rampart.Detection.Tests.Intel;

public sealed class IntelListTests
{
    [Theory]
    [InlineData("203.0.113.66", true, "203.0.113.66")]
    [InlineData("203.0.113.67", false, "")]
    [InlineData("198.51.100.63", true, "198.51.100.0/26")]
    [InlineData("198.51.100.64", false, "")]
    [InlineData("198.51.100.7", true, "198.51.100.7/32")]
    [InlineData("2001:db8:bad:1::7", true, "2001:db8:bad::/48")]
    [InlineData("2001:db8:bae::1", false, "")]
    [InlineData("::ffff:203.0.113.66", true, "203.0.113.66")]
    [InlineData("c2.badactor.example", true, "c2.badactor.example")]
    [InlineData("C2.BadActor.Example.", true, "c2.badactor.example")]
    [InlineData("x.y.c2.badactor.example", true, "c2.badactor.example")]
    [InlineData("badactor.example", false, "")]
    [InlineData("notc2.badactor.example", false, "")]
    [InlineData("www.phish.example.org", true, "*.phish.example.org")]
    [InlineData("downloads.evil.example", true, "https://downloads.evil.example/payload.sh")]
    [InlineData("203.0.113", false, "")]
    [InlineData("3405803842", false, "")]
    [InlineData("", false, "")]
    public void AddressesMatchTheirMostSpecificNetworkAndNamesMatchTheDomainsAboveThem(string value, bool expected, string indicator)
    {
        var list = Read("""
            # a feed
            203.0.113.66
            198.51.100.0/26
            198.51.100.7/32   ; listed twice, the host entry is more specific
            2001:db8:bad::/48
            c2.badactor.example
            *.phish.example.org
            https://downloads.evil.example/payload.sh
            """, "feed.txt", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(expected, list.TryMatch(value, out var found));
        Assert.Equal(indicator, found);
    }

    [Fact]
    public void EntriesThatAreNotIndicatorsAreReportedWithTheirLineAndTheRestLoads()
    {
        var list = Read("""
            203.0.113.66
            not an indicator
            300.1.2.3
            198.51.100.0/33
            evil.example
            """, "feed.txt", out var diagnostics);

        Assert.Equal(2, list.Count);
        Assert.Equal(["feed.txt:2:1", "feed.txt:3:1", "feed.txt:4:1"], diagnostics.Select(d => d.Location.ToString()));
        Assert.All(diagnostics, d => Assert.Equal(IntelDiagnostics.InvalidIndicator, d.Code));
        Assert.Contains("'300.1.2.3'", diagnostics[1].Message);
    }

    [Fact]
    public void CsvTakesTheIndicatorColumnByItsName()
    {
        var list = Read("""
            first_seen,type,indicator,comment
            2026-11-01,ip,203.0.113.66,"scanner, aggressive"
            # a comment line
            2026-11-02,domain,c2.badactor.example,c2
            2026-11-03,ip,,empty
            2026-11-04,ip,nonsense,bad
            """, "feed.csv", out var diagnostics);

        Assert.Equal(2, list.Count);
        Assert.True(list.TryMatch("203.0.113.66", out _));
        Assert.True(list.TryMatch("c2.badactor.example", out _));
        var problem = Assert.Single(diagnostics);
        Assert.Equal("feed.csv:6:1", problem.Location.ToString());
    }

    [Fact]
    public void StixBundlesGiveTheValuesOfTheirIndicatorPatterns()
    {
        var list = Read("""
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
              {"type":"identity","spec_version":"2.1","id":"identity--1","name":"A sharing group"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--1","pattern_type":"stix","pattern":"[ipv4-addr:value = '203.0.113.66']","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--2","pattern_type":"stix","pattern":"[ipv4-addr:value ISSUBSET '198.51.100.0/24'] OR [domain-name:value = 'c2.badactor.example']","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--3","pattern_type":"stix","pattern":"[url:value = 'http://drop.evil.example/x']","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--4","pattern_type":"stix","pattern":"[file:hashes.'SHA-256' = 'aec0']","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--5","pattern_type":"stix","pattern":"[ipv4-addr:value = '192.0.2.1' AND network-traffic:dst_port = 22]","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--6","pattern_type":"snort","pattern":"alert tcp any any","valid_from":"2026-11-01T00:00:00Z"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--7","revoked":true,"pattern_type":"stix","pattern":"[ipv4-addr:value = '192.0.2.99']","valid_from":"2026-11-01T00:00:00Z"}
            ]}
            """, "bundle.json", out var diagnostics);

        Assert.Equal(4, list.Count);
        Assert.True(list.TryMatch("198.51.100.200", out var network));
        Assert.Equal("198.51.100.0/24", network);
        Assert.True(list.TryMatch("drop.evil.example", out _));
        Assert.False(list.TryMatch("192.0.2.1", out _));
        Assert.False(list.TryMatch("192.0.2.99", out _));
        Assert.Equal([3L, 4L, 5L], diagnostics.Select(d => d.Location.Record - 2));
        Assert.All(diagnostics, d => Assert.Equal(IntelDiagnostics.UnsupportedPattern, d.Code));
    }

    [Fact]
    public void ABrokenStixFileIsReportedAndGivesNoList()
    {
        var bag = new DiagnosticBag();
        var list = IntelListReader.Read(new MemoryStream("{\"objects\": [ {"u8.ToArray()), "x", "bundle.json", IntelFormat.Auto, bag);

        Assert.Null(list);
        Assert.Equal(IntelDiagnostics.ListUnreadable, Assert.Single(bag.ToImmutableArray()).Code);
    }

    [Fact]
    public void AFileWithoutExtensionIsReadAsStixWhenItIsJson()
    {
        var list = Read("""{"objects":[{"type":"indicator","pattern":"[domain-name:value = 'evil.example']"}]}""", "feed", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.True(list.TryMatch("a.evil.example", out _));
    }

    [Fact]
    public void SeveralSourcesFeedOneList()
    {
        var builder = new IntelList.Builder();
        var bag = new DiagnosticBag();
        Assert.True(IntelListReader.Read(Stream("203.0.113.66\n"), "a.txt", IntelFormat.Auto, builder, bag));
        Assert.True(IntelListReader.Read(Stream("indicator\nevil.example\n203.0.113.66\n"), "b.csv", IntelFormat.Auto, builder, bag));
        var list = IntelList.Create("threats", "a.txt, b.csv", builder);

        Assert.Equal(2, list.Count);
        Assert.Empty(bag.ToImmutableArray());
    }

    [Fact]
    public void ALargeListLooksUpQuickly()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
            text.Append("10.").Append(i >> 16 & 255).Append('.').Append(i >> 8 & 255).Append('.').Append(i & 255).Append('\n');
        for (var i = 0; i < 1_000; i++)
            text.Append("172.").Append(16 + (i & 15)).Append('.').Append(i >> 4).Append(".0/24\n");
        var list = Read(text.ToString(), "big.txt", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(101_000, list.Count);
        Assert.True(list.TryMatch("10.1.134.159", out var host));
        Assert.Equal("10.1.134.159", host);
        Assert.True(list.TryMatch("172.17.3.9", out var network));
        Assert.Equal("172.17.3.0/24", network);
        Assert.False(list.TryMatch("10.2.0.0", out _));
    }

    private static IntelList Read(string text, string source, out List<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var list = IntelListReader.Read(Stream(text), "test", source, IntelFormat.Auto, bag);
        diagnostics = [.. bag.ToImmutableArray()];
        Assert.NotNull(list);
        return list;
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
