using Rampart.Core;
using Rampart.Posture.Checks;

namespace Rampart.Posture.Tests.Checks;

public sealed class CheckLanguageTests
{
    private static CompiledCheck Compile(string yaml)
    {
        var loaded = CheckLoader.Parse(yaml, "test.yml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return CheckPack.Compile(loaded.Checks).Checks.Single();
    }

    private static CheckStatus Run(string assert, string configuration, string? applies = null, string? supplementary = null, string key = "arn:aws:test:::thing")
    {
        var yaml = $"""
            id: test-check
            title: A test
            severity: low
            resource: AWS::Test::Thing
            {(applies is null ? "" : "applies: " + applies)}
            assert: {assert}
            """;
        return Compile(yaml).Evaluate(Resources.Of("AWS::Test::Thing", configuration, supplementary, key), Resources.Now).Status;
    }

    [Theory]
    [InlineData("{path: configuration.A, op: equals, value: 1}", """{"A": 1}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: equals, value: 1}", """{"A": 1.0}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: equals, value: '1'}", """{"A": 1}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: equals, value: true}", """{"A": true}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: not-equals, value: x}", """{}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: in, value: [a, b]}", """{"A": "b"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: not-in, value: [a, b]}", """{"A": "c"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: exists}", """{"A": null}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: absent}", """{}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: empty}", """{"A": []}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: not-empty}", """{"A": {"b": 1}}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: gte, value: 14}", """{"A": 14}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: gt, value: 14}", """{"A": 14}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: lt, value: 14}", """{"A": "x"}""", CheckStatus.Error)]
    [InlineData("{path: configuration.A, op: lte, value: 14}", """{}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: contains, value: b}", """{"A": ["a", "b"]}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: contains, value: ell}", """{"A": "hello"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: starts-with, value: arn:aws:kms}", """{"A": "arn:aws:kms:us-east-1:1:key/x"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: matches, value: '^sg-[0-9a-f]+$'}", """{"A": "sg-0abc"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: older-than-days, value: 90}", """{"A": "2026-01-01T00:00:00Z"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: newer-than-days, value: 90}", """{"A": "2026-01-01T00:00:00Z"}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: older-than-days, value: 90}", """{"A": "yesterday"}""", CheckStatus.Error)]
    [InlineData("{path: configuration.A, op: cidr-public}", """{"A": "0.0.0.0/0"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: cidr-public}", """{"A": "::/0"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: cidr-public}", """{"A": "10.1.0.0/16"}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: cidr-public}", """{"A": "203.0.113.0/24"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: cidr-public}", """{"A": "fd00::/8"}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.A, op: cidr-contains, value: 10.1.2.3}", """{"A": "10.0.0.0/8"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.A, op: cidr-contains, value: 0.0.0.0/0}", """{"A": "10.0.0.0/8"}""", CheckStatus.Fail)]
    [InlineData("{path: configuration, op: ports-include, value: 22}", """{"IpProtocol": "-1"}""", CheckStatus.Pass)]
    [InlineData("{path: configuration, op: ports-include, value: 22}", """{"IpProtocol": "tcp", "FromPort": 0, "ToPort": 1024}""", CheckStatus.Pass)]
    [InlineData("{path: configuration, op: ports-include, value: 22}", """{"IpProtocol": "6", "FromPort": 23, "ToPort": 1024}""", CheckStatus.Fail)]
    [InlineData("{path: configuration, op: ports-include, value: 22}", """{"IpProtocol": "udp", "FromPort": 0, "ToPort": 65535}""", CheckStatus.Fail)]
    [InlineData("{path: configuration, op: ports-include, value: 53/udp}", """{"IpProtocol": "17", "FromPort": 53, "ToPort": 53}""", CheckStatus.Pass)]
    [InlineData("{path: configuration, op: ports-include, value: all}", """{"IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535}""", CheckStatus.Fail)]
    [InlineData("{path: configuration, op: ports-include, value: 3389}", """{"Protocol": "6", "PortRange": {"From": 3380, "To": 3390}}""", CheckStatus.Pass)]
    public void EachOperatorJudgesAsDocumented(string assert, string configuration, CheckStatus expected) =>
        Assert.Equal(expected, Run(assert, configuration));

    [Theory]
    [InlineData("{path: configuration.R, some: {path: Cidr, op: cidr-public}}", """{"R": [{"Cidr": "10.0.0.0/8"}, {"Cidr": "0.0.0.0/0"}]}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.R, each: {path: Cidr, op: cidr-public}}", """{"R": [{"Cidr": "10.0.0.0/8"}, {"Cidr": "0.0.0.0/0"}]}""", CheckStatus.Fail)]
    [InlineData("{path: configuration.R, none: {path: Cidr, op: cidr-public}}", """{"R": []}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.R, none: {path: Cidr, op: cidr-public}}", """{}""", CheckStatus.Pass)]
    [InlineData("{path: configuration.R, some: {path: Cidr, op: cidr-public}}", """{"R": 3}""", CheckStatus.Error)]
    [InlineData("{path: 'configuration.R[].Cidr', some: {path: '@', op: cidr-public}}", """{"R": [{"Cidr": "10.0.0.0/8"}, {"Cidr": "0.0.0.0/0"}]}""", CheckStatus.Pass)]
    [InlineData("{path: \"configuration.R[?Kind == 'x'].Cidr\", each: {path: '@', op: cidr-public}}", """{"R": [{"Kind": "y", "Cidr": "10.0.0.0/8"}, {"Kind": "x", "Cidr": "0.0.0.0/0"}]}""", CheckStatus.Pass)]
    [InlineData("{path: 'length(configuration.R)', op: equals, value: 2}", """{"R": [1, 2]}""", CheckStatus.Pass)]
    [InlineData("{path: 'configuration.R[*].A', op: equals, value: [1, 2]}", """{"R": [{"A": 1}, {"B": 0}, {"A": 2}]}""", CheckStatus.Pass)]
    [InlineData("{all: [{path: configuration.A, op: equals, value: 1}, {path: configuration.B, op: equals, value: 2}]}", """{"A": 1, "B": 3}""", CheckStatus.Fail)]
    [InlineData("{any: [{path: configuration.A, op: gt, value: 1}, {path: configuration.B, op: equals, value: 2}]}", """{"A": "x", "B": 2}""", CheckStatus.Pass)]
    [InlineData("{any: [{path: configuration.A, op: gt, value: 1}, {path: configuration.B, op: equals, value: 2}]}", """{"A": "x", "B": 3}""", CheckStatus.Error)]
    [InlineData("{not: {path: configuration.A, op: exists}}", """{}""", CheckStatus.Pass)]
    [InlineData("{path: key, op: starts-with, value: 'arn:aws:test'}", """{}""", CheckStatus.Pass)]
    public void ConditionsCombineAndQuantify(string assert, string configuration, CheckStatus expected) =>
        Assert.Equal(expected, Run(assert, configuration));

    [Fact]
    public void WhenAppliesDoesNotHoldTheResultIsNotApplicable() =>
        Assert.Equal(CheckStatus.NotApplicable, Run("{path: configuration.A, op: exists}", """{"GroupName": "web"}""", applies: "{path: configuration.GroupName, op: equals, value: default}"));

    [Fact]
    public void ResultsCarryEvidenceControlsAndSeverity()
    {
        var check = Compile("""
            id: test-evidence
            title: t
            severity: high
            resource: AWS::Test::Thing
            frameworks: {cis-aws-3.0: ["5.2"], aws-fsbp: [EC2.13]}
            assert: {path: configuration.A, op: equals, value: 1}
            evidence: [configuration.A, 'configuration.R[*].B', configuration.Missing]
            """);
        var result = check.Evaluate(Resources.Of("AWS::Test::Thing", """{"A": 2, "R": [{"B": "x"}]}"""), Resources.Now);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(Severity.High, result.Severity);
        Assert.Equal(["aws-fsbp:EC2.13", "cis-aws-3.0:5.2"], result.Controls.ToArray());
        Assert.Equal("2", result.Evidence[0].Value.GetRawText());
        Assert.Equal("""["x"]""", result.Evidence[1].Value.GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, result.Evidence[2].Value.ValueKind);
    }

    [Fact]
    public void APackGivesEachResourceOnlyTheChecksOfItsType()
    {
        var loaded = CheckLoader.Parse("""
            id: a-one
            title: t
            severity: low
            resource: [AWS::A::One, AWS::B::Two]
            assert: {path: configuration.X, op: exists}
            ---
            id: b-two
            title: t
            severity: low
            resource: AWS::B::Two
            assert: {path: configuration.X, op: exists}
            """, "pack.yml");
        var pack = CheckPack.Compile(loaded.Checks);
        Assert.Single(pack.Evaluate(Resources.Of("AWS::A::One", "{}"), Resources.Now));
        Assert.Equal(2, pack.Evaluate(Resources.Of("AWS::B::Two", "{}"), Resources.Now).Length);
        Assert.Empty(pack.Evaluate(Resources.Of("AWS::C::Three", "{}"), Resources.Now));
    }
}
