using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Posture.Assessment.Output;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Assessment;

public sealed class OcsfWriterTests
{
    [Fact]
    public void EveryResultIsOneComplianceFindingLineWithItsControlsAndTheRunsTime()
    {
        var records = Write(SampleAssessment.Document());

        Assert.Equal(5, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal((2003, 2, 1, 200301), (r.GetProperty("class_uid").GetInt32(), r.GetProperty("category_uid").GetInt32(), r.GetProperty("activity_id").GetInt32(), r.GetProperty("type_uid").GetInt32()));
            Assert.Equal(SampleAssessment.Time.ToUnixTimeMilliseconds(), r.GetProperty("time").GetInt64());
            Assert.Equal("Rampart", r.GetProperty("metadata").GetProperty("product").GetProperty("name").GetString());
            Assert.Equal(32, r.GetProperty("finding_info").GetProperty("uid").GetString()!.Length);
        });
        var ssh = Find(records, "ec2-sg-ssh-open-ipv4", SampleAssessment.OpenGroup);
        var compliance = ssh.GetProperty("compliance");
        Assert.Equal(("ec2-sg-ssh-open-ipv4", 3, "Fail"), (compliance.GetProperty("control").GetString(), compliance.GetProperty("status_id").GetInt32(), compliance.GetProperty("status").GetString()));
        Assert.Equal(["aws-fsbp", "cis-aws-3.0"], Strings(compliance.GetProperty("standards")));
        Assert.Equal(["aws-fsbp:EC2.13", "cis-aws-3.0:5.2"], Strings(compliance.GetProperty("requirements")));
        Assert.Equal((4, "High"), (ssh.GetProperty("severity_id").GetInt32(), ssh.GetProperty("severity").GetString()));
        var resource = Assert.Single(ssh.GetProperty("resources").EnumerateArray());
        Assert.Equal((SampleAssessment.OpenGroup, "AWS::EC2::SecurityGroup", "eu-west-1", SampleAssessment.Account),
            (resource.GetProperty("uid").GetString(), resource.GetProperty("type").GetString(), resource.GetProperty("region").GetString(),
             resource.GetProperty("owner").GetProperty("account").GetProperty("uid").GetString()));
        Assert.Equal("Remove the <0.0.0.0/0> rule for port 22.", ssh.GetProperty("remediation").GetProperty("desc").GetString());
        var evidence = Assert.Single(ssh.GetProperty("unmapped").GetProperty("evidence").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, evidence.GetProperty("value").ValueKind);
    }

    [SkippableFact]
    public void ARecordOfEveryStatusIsAValidComplianceFindingUnderTheOcsfDefinitions()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "compliance_finding");
        var records = Write(SampleAssessment.Document()).Select(static r => JsonNode.Parse(r.GetRawText())!.AsObject()).ToList();

        Assert.Equal(3, schema.Uid);
        Assert.Equal(["Fail", "Not Applicable", "Pass", "Warning"], records.Select(static r => r["compliance"]!["status"]!.GetValue<string>()).Distinct().Order());
        Assert.Empty(records.SelectMany(schema.RecordProblems));
    }

    [Fact]
    public void StatusesMapToComplianceStatusesAndAMutedFailureIsSuppressed()
    {
        var records = Write(SampleAssessment.Document());

        (int, string, string) Of(string check, string key)
        {
            var r = Find(records, check, key);
            return (r.GetProperty("compliance").GetProperty("status_id").GetInt32(), r.GetProperty("compliance").GetProperty("status").GetString()!, r.GetProperty("status").GetString()!);
        }

        Assert.Equal((1, "Pass", "New"), Of("ec2-sg-ssh-open-ipv4", SampleAssessment.ClosedGroup));
        Assert.Equal((3, "Fail", "Suppressed"), Of("ec2-sg-ssh-open-ipv4", SampleAssessment.Sandbox));
        Assert.Equal((2, "Warning", "New"), Of("iam-password-length", SampleAssessment.Policy));
        Assert.Equal((99, "Not Applicable", "New"), Of("s3-bucket-tls-only", SampleAssessment.Bucket));
        Assert.Equal("sandbox bastion, torn down nightly", Find(records, "ec2-sg-ssh-open-ipv4", SampleAssessment.Sandbox).GetProperty("unmapped").GetProperty("mute").GetProperty("reason").GetString());
        Assert.Equal("MinimumPasswordLength is a string, not a number", Find(records, "iam-password-length", SampleAssessment.Policy).GetProperty("compliance").GetProperty("status_details")[0].GetString());
    }

    [Fact]
    public void TheFindingIdIsTheSameInEveryRunAndDiffersByResource()
    {
        var first = Write(SampleAssessment.Document());
        var second = Write(SampleAssessment.Document(baseline: false));

        string Uid(List<JsonElement> records, string key) => Find(records, "ec2-sg-ssh-open-ipv4", key).GetProperty("finding_info").GetProperty("uid").GetString()!;
        Assert.Equal(Uid(first, SampleAssessment.OpenGroup), Uid(second, SampleAssessment.OpenGroup));
        Assert.NotEqual(Uid(first, SampleAssessment.OpenGroup), Uid(first, SampleAssessment.ClosedGroup));
    }

    private static List<JsonElement> Write(AssessmentDocument document)
    {
        using var buffer = new MemoryStream();
        AssessmentOcsfWriter.Write(buffer, document);
        return [.. Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static JsonElement Find(List<JsonElement> records, string check, string key) =>
        records.Single(r => r.GetProperty("compliance").GetProperty("control").GetString() == check && r.GetProperty("resources")[0].GetProperty("uid").GetString() == key);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(static e => e.GetString()!)];
}
