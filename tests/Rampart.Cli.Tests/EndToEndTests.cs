using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;
using Rampart.GameDays.Telemetry;
using Rampart.Hunting;
using Rampart.Hunting.Output;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>Generated telemetry, hunted with real rules: every attack the generator mixes in is found on its own records.</summary>
public sealed class EndToEndTests : IClassFixture<EndToEndTests.Sample>
{
    // Which of our detections must fire on which generated attack.
    public static TheoryData<string, string> OwnDetections => new()
    {
        { "cloudtrail-stop-logging", "CloudTrail Logging Stopped or Trail Deleted" },
        { "config-recorder-stopped", "AWS Config Recording Stopped" },
        { "console-login-without-mfa", "Console Login Without MFA" },
        { "ebs-snapshot-shared-publicly", "EBS Snapshot Made Public" },
        { "ec2-user-data-modified", "EC2 Instance User Data Modified" },
        { "guardduty-detector-disabled", "GuardDuty Detector Deleted or Disabled" },
        { "iam-backdoor-user", "Access Key or Login Profile Created for Another User" },
        { "iam-login-profile-backdoor", "Access Key or Login Profile Created for Another User" },
        { "root-account-usage", "Root Account Used" },
        { "s3-versioning-suspended", "S3 Bucket Versioning Suspended" },
        { "vpc-flow-logs-deleted", "VPC Flow Logs Deleted" },
        { "security-group-opened-to-world", "Security Group Ingress Opened to the Internet" },
        { "vpc-port-scan", "SSH or RDP Connection Rejected From the Internet" },
        { "dns-crypto-mining", "DNS Query for a Crypto-Mining Pool" },
        { "dns-tor-onion", "DNS Query for a Tor Onion Service" },
    };

    private readonly Sample _sample;

    public EndToEndTests(Sample sample) => _sample = sample;

    [Theory]
    [MemberData(nameof(OwnDetections))]
    public void OurDetectionsFindEachGeneratedAttackOnItsOwnRecords(string attack, string ruleTitle)
    {
        var hits = _sample.Hunt([RepositoryPaths.Combine("content", "detections")], out var diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableArray()));
        var injected = _sample.Attack(attack);
        var onAttackRecords = hits.Where(hit => hit.Rule.Title == ruleTitle && _sample.IsRecordOf(injected, hit)).ToList();
        Assert.True(onAttackRecords.Count > 0, $"{ruleTitle} did not fire on any record of {attack}");
    }

    [SkippableFact]
    public void EverySigmaHqRuleTheGeneratorExpectsFiresOnTheAttackRecords()
    {
        var hits = _sample.Hunt([Datasets.Require("sigma/aws/rules"), Datasets.Require("sigma/network/rules")], out var diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableArray()));
        var missing = new List<string>();
        foreach (var attack in _sample.Manifest.Attacks)
        {
            foreach (var expected in attack.ExpectedRules)
            {
                if (!hits.Any(hit => hit.Rule.Id == expected.Id && _sample.IsRecordOf(attack, hit)))
                    missing.Add($"{attack.Name}: {expected.Title} ({expected.Id})");
            }
        }

        Assert.True(missing.Count == 0, "expected rules that did not fire:\n" + string.Join('\n', missing));
        Assert.Contains(_sample.Manifest.Attacks, attack => !attack.ExpectedRules.IsEmpty);
    }

    public sealed class Sample : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Sample() => Manifest = TelemetryGenerator.Generate(new TelemetryOptions
        {
            OutputDirectory = _temp.Path,
            Size = TelemetrySize.Records(4_000),
            Duration = TimeSpan.FromHours(4),
            MaxDegreeOfParallelism = 2,
        });

        public TelemetryManifest Manifest { get; }

        public InjectedAttack Attack(string name) => Manifest.Attacks.Single(attack => attack.Name == name);

        public bool IsRecordOf(InjectedAttack attack, DetectionHit hit)
        {
            var relative = Path.GetRelativePath(_temp.Path, hit.Origin.Path).Replace(Path.DirectorySeparatorChar, '/');
            return attack.Records.Any(record => record.Path == relative && record.Index + 1 == hit.Origin.Record);
        }

        public List<DetectionHit> Hunt(IReadOnlyList<string> rulePaths, out DiagnosticBag diagnostics)
        {
            diagnostics = new DiagnosticBag();
            var rules = SigmaRuleSet.Load(rulePaths, SigmaOptions.Default, diagnostics);
            var writer = new Collecting();
            new HuntRunner(rules).Run(new HuntOptions { Inputs = [Path.Combine(_temp.Path, "AWSLogs")], Threads = 2 }, writer, diagnostics);
            return writer.Hits;
        }

        public void Dispose() => _temp.Dispose();

        private sealed class Collecting : IHitWriter
        {
            public List<DetectionHit> Hits { get; } = [];

            public void Write(DetectionHit hit) => Hits.Add(hit);

            public void Complete(HuntSummary summary)
            {
            }

            public void Dispose()
            {
            }
        }
    }
}
