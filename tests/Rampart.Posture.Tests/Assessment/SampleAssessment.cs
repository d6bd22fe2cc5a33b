using Rampart.Core;
using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Assessment;
using Rampart.Posture.Assessment.Output;
using Rampart.Posture.Checks;
using Rampart.Posture.Drift;
using Rampart.Posture.Frameworks;
using Rampart.Posture.Inventory;
using Rampart.Posture.Muting;
using CheckStatus = Rampart.Posture.Checks.CheckStatus;

namespace Rampart.Posture.Tests.Assessment;

/// <summary>A small hand-built assessment with one result of every status, drift, and a framework score.</summary>
internal static class SampleAssessment
{
    public const string Account = "111122223333";
    public const string OpenGroup = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0aaa";
    public const string ClosedGroup = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0bbb";
    public const string Sandbox = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0ccc";
    public const string Bucket = "arn:aws:s3:::logs";
    public const string Policy = "Rampart::IAM::PasswordPolicy/111122223333/global/password-policy";

    public static readonly DateTimeOffset Time = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    public static readonly CheckDefinition Ssh = Check("ec2-sg-ssh-open-ipv4", "Security group does not open SSH to the world", Severity.High, "AWS::EC2::SecurityGroup",
        "Remove the <0.0.0.0/0> rule for port 22.", ("cis-aws-3.0", "5.2"), ("aws-fsbp", "EC2.13"));

    public static readonly CheckDefinition Tls = Check("s3-bucket-tls-only", "S3 bucket denies plain HTTP", Severity.Medium, "AWS::S3::Bucket",
        "Add a policy statement denying aws:SecureTransport false.", ("cis-aws-3.0", "2.1.1"));

    public static readonly CheckDefinition Length = Check("iam-password-length", "Password policy requires 14 characters", Severity.Low, "Rampart::IAM::PasswordPolicy",
        "Set MinimumPasswordLength to 14.", ("cis-aws-3.0", "1.8"));

    public static readonly Framework Cis = new(
        "cis-aws-3.0",
        "CIS AWS Foundations Benchmark",
        "3.0.0",
        "cis.yml",
        [new FrameworkSection("1", "Identity and Access Management"), new FrameworkSection("2", "Storage"), new FrameworkSection("5", "Networking"), new FrameworkSection("9", "Manual")],
        [
            new FrameworkControl("1.8", "1", "Password length", null, true, null, ["iam-password-length"], new SourceLocation("cis.yml")),
            new FrameworkControl("2.1.1", "2", "TLS only", null, true, null, ["s3-bucket-tls-only"], new SourceLocation("cis.yml")),
            new FrameworkControl("5.2", "5", "No SSH from the world", null, true, null, ["ec2-sg-ssh-open-ipv4"], new SourceLocation("cis.yml")),
            new FrameworkControl("9.1", "9", "Reviewed by a person", null, false, "needs a person", [], new SourceLocation("cis.yml")),
        ]);

    public static AssessmentDocument Document(bool baseline = true)
    {
        var open = Resource(OpenGroup, "AWS::EC2::SecurityGroup", "eu-west-1", "sg-0aaa", "/exports/111122223333/eu-west-1/ec2-describe-security-groups.json#$.SecurityGroups[0]");
        var closed = Resource(ClosedGroup, "AWS::EC2::SecurityGroup", "eu-west-1", "sg-0bbb", "export/111122223333/eu-west-1/ec2-describe-security-groups.json#$.SecurityGroups[1]");
        var sandbox = Resource(Sandbox, "AWS::EC2::SecurityGroup", "eu-west-1", "sg-0ccc", "export/111122223333/eu-west-1/ec2-describe-security-groups.json#$.SecurityGroups[2]") with
        {
            Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("environment", "sandbox")]),
        };
        var bucket = Resource(Bucket, "AWS::S3::Bucket", "eu-west-1", "logs", "");
        var policy = Resource(Policy, "Rampart::IAM::PasswordPolicy", "global", "password-policy", "export/111122223333/iam-get-account-password-policy.json");
        var mute = new MuteRule("ec2-sg-ssh-open-*", "*", null, null, ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
            "sandbox bastion, torn down nightly", new DateOnly(2099, 1, 1), new SourceLocation("mutes.yml", 2, 5));
        ImmutableArray<AssessedResult> results =
        [
            new(Result(Ssh, OpenGroup, CheckStatus.Fail, ("configuration.IpPermissions[].IpRanges[].CidrIp", """["0.0.0.0/0","<script>alert(1)</script>"]""")), open, null),
            new(Result(Ssh, ClosedGroup, CheckStatus.Pass, ("configuration.IpPermissions[].IpRanges[].CidrIp", """["10.0.0.0/8"]""")), closed, null),
            new(Result(Ssh, Sandbox, CheckStatus.Fail, ("configuration.IpPermissions[].IpRanges[].CidrIp", """["0.0.0.0/0"]""")), sandbox, mute),
            new(Result(Tls, Bucket, CheckStatus.NotApplicable), bucket, null),
            new(Result(Length, Policy, CheckStatus.Error, ("configuration.MinimumPasswordLength", "\"fourteen\"")) with { Error = "MinimumPasswordLength is a string, not a number" }, policy, null),
        ];
        var changes = baseline
            ? ImmutableArray.Create(new ResourceChange(ChangeKind.Changed, OpenGroup, "AWS::EC2::SecurityGroup", open, open,
                [new FieldChange("/configuration/IpPermissions/0/IpRanges/0", "tcp 22-22 CidrIp=0.0.0.0/0", null, """{"CidrIp":"0.0.0.0/0"}""")]))
            : [];
        ImmutableArray<FlippedCheck> flipped = baseline ? [new FlippedCheck(Ssh.Id, OpenGroup, "PASS", "FAIL")] : [];
        var report = new AssessmentReport(results, changes, flipped, results.Length);
        return new AssessmentDocument(report, [Ssh, Tls, Length], Time, [AssessmentScores.Score(Cis, report)]) { HasBaseline = baseline };
    }

    private static CheckDefinition Check(string id, string title, Severity severity, string type, string remediation, params (string Framework, string Control)[] controls) => new()
    {
        Id = id,
        Title = title,
        Description = $"Why {id} matters.",
        Severity = severity,
        ResourceTypes = [type],
        Remediation = remediation,
        Frameworks = controls.GroupBy(static c => c.Framework)
            .ToImmutableSortedDictionary(static g => g.Key, static g => g.Select(static c => c.Control).ToImmutableArray(), StringComparer.Ordinal),
        Location = new SourceLocation($"content/checks/{id}.yml", 1, 1),
    };

    private static CheckResult Result(CheckDefinition check, string key, CheckStatus status, params (string Path, string Json)[] evidence) =>
        new(check.Id, key, status, check.Severity, [.. evidence.Select(static e => new CheckEvidence(e.Path, JsonDocument.Parse(e.Json).RootElement.Clone()))], check.Controls);

    private static CloudResource Resource(string key, string type, string region, string id, string source) => new()
    {
        Key = key,
        Type = type,
        Account = Account,
        Region = region,
        Id = id,
        Configuration = JsonDocument.Parse("{}").RootElement.Clone(),
        Provenance = new ResourceProvenance("cli-export", source, null),
    };
}
