using Rampart.Posture.Checks;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Checks;

/// <summary>
/// How the shipped security-group checks read rules: protocol <c>-1</c> is every protocol and port, IPv4 and IPv6 are
/// judged apart, a prefix list or another group is not the internet, UDP is not the TCP service, and egress is not
/// ingress.
/// </summary>
public sealed class SecurityGroupSemanticsTests
{
    private static readonly Lazy<CheckPack> Pack = new(() =>
        CheckPack.Compile(CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks")).Checks));

    private static string Statuses(string ingress, string egress = "[]")
    {
        var group = Resources.Of(
            "AWS::EC2::SecurityGroup",
            $$"""{"GroupId":"sg-1","GroupName":"app","VpcId":"vpc-1","IpPermissions":{{ingress}},"IpPermissionsEgress":{{egress}}}""",
            key: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1");
        string[] checks = ["ec2-sg-ssh-open-ipv4", "ec2-sg-ssh-open-ipv6", "ec2-sg-rdp-open-ipv4", "ec2-sg-rdp-open-ipv6", "ec2-sg-all-ports-public"];
        var results = Pack.Value.Evaluate(group, Resources.Now).ToDictionary(static r => r.CheckId, static r => r.Status.ToText());
        return string.Join(' ', checks.Select(c => results[c]));
    }

    private static string Rule(string protocol, int from, int to, string v4 = "[]", string v6 = "[]", string prefixes = "[]", string groups = "[]") =>
        $$"""{"IpProtocol":"{{protocol}}","FromPort":{{from}},"ToPort":{{to}},"IpRanges":{{v4}},"Ipv6Ranges":{{v6}},"PrefixListIds":{{prefixes}},"UserIdGroupPairs":{{groups}}}""";

    private const string Anywhere4 = """[{"CidrIp":"0.0.0.0/0"}]""";
    private const string Anywhere6 = """[{"CidrIpv6":"::/0"}]""";

    [Fact]
    public void ProtocolMinusOneFromAnywhereOpensEveryPortOverTheAddressFamilyItNames()
    {
        // -1 carries no ports (AWS omits them); every port of every protocol is open.
        Assert.Equal("FAIL PASS FAIL PASS FAIL", Statuses($$"""[{"IpProtocol":"-1","IpRanges":{{Anywhere4}},"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}]"""));
        Assert.Equal("PASS FAIL PASS FAIL FAIL", Statuses($$"""[{"IpProtocol":"-1","IpRanges":[],"Ipv6Ranges":{{Anywhere6}},"PrefixListIds":[],"UserIdGroupPairs":[]}]"""));
    }

    [Fact]
    public void Ipv4AndIpv6AreJudgedApart()
    {
        Assert.Equal("FAIL PASS PASS PASS PASS", Statuses($"[{Rule("tcp", 22, 22, v4: Anywhere4)}]"));
        Assert.Equal("PASS FAIL PASS PASS PASS", Statuses($"[{Rule("tcp", 22, 22, v6: Anywhere6)}]"));
    }

    [Fact]
    public void APortRangeCoversThePortsInsideIt()
    {
        Assert.Equal("FAIL PASS FAIL PASS PASS", Statuses($"[{Rule("tcp", 0, 4000, v4: Anywhere4)}]"));
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses($"[{Rule("tcp", 23, 3388, v4: Anywhere4)}]"));
    }

    [Fact]
    public void PrefixListsOtherGroupsAndPrivateRangesAreNotTheInternet()
    {
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses($$"""[{{Rule("tcp", 22, 22, prefixes: """[{"PrefixListId":"pl-0123456789abcdef0"}]""")}}]"""));
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses($$"""[{{Rule("-1", 0, 0, groups: """[{"GroupId":"sg-2","UserId":"111122223333"}]""")}}]"""));
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses($$"""[{{Rule("tcp", 22, 22, v4: """[{"CidrIp":"10.0.0.0/8"}]""", v6: """[{"CidrIpv6":"fd00::/8"}]""")}}]"""));
    }

    [Fact]
    public void UdpIsNotTheTcpService()
    {
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses($"[{Rule("udp", 22, 22, v4: Anywhere4)}, {Rule("udp", 3389, 3389, v4: Anywhere4)}]"));
    }

    [Fact]
    public void EgressIsNotJudgedAsIngress()
    {
        var everything = $$"""[{"IpProtocol":"-1","IpRanges":{{Anywhere4}},"Ipv6Ranges":{{Anywhere6}},"PrefixListIds":[],"UserIdGroupPairs":[]}]""";
        Assert.Equal("PASS PASS PASS PASS PASS", Statuses("[]", egress: everything));
    }
}
