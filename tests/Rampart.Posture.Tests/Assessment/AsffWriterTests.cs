using System.Text.Json;
using Rampart.Posture.Assessment.Output;

namespace Rampart.Posture.Tests.Assessment;

public sealed class AsffWriterTests
{
    private static readonly string[] Required =
        ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources"];

    [Fact]
    public void EveryFindingCarriesTheFieldsBatchImportFindingsRequires()
    {
        var findings = Write(SampleAssessment.Document());

        Assert.Equal(5, findings.Count);
        Assert.All(findings, f =>
        {
            foreach (var name in Required)
                Assert.True(f.TryGetProperty(name, out _), name);
            Assert.Equal("2018-10-08", f.GetProperty("SchemaVersion").GetString());
            Assert.Equal("2026-12-07T03:00:00.000Z", f.GetProperty("CreatedAt").GetString());
            Assert.Equal(f.GetProperty("CreatedAt").GetString(), f.GetProperty("UpdatedAt").GetString());
            Assert.Equal("ACTIVE", f.GetProperty("RecordState").GetString());
            Assert.StartsWith("Software and Configuration Checks/", f.GetProperty("Types")[0].GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(findings.Count, findings.Select(static f => f.GetProperty("Id").GetString()).Distinct().Count());
    }

    [Fact]
    public void AFailingSecurityGroupIsAnAwsEc2SecurityGroupWithItsRequirementsAndRemediation()
    {
        var ssh = Find(Write(SampleAssessment.Document()), SampleAssessment.OpenGroup);

        Assert.Equal("arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default", ssh.GetProperty("ProductArn").GetString());
        Assert.Equal(("ec2-sg-ssh-open-ipv4", "111122223333", "HIGH"), (ssh.GetProperty("GeneratorId").GetString(), ssh.GetProperty("AwsAccountId").GetString(), ssh.GetProperty("Severity").GetProperty("Label").GetString()));
        var resource = Assert.Single(ssh.GetProperty("Resources").EnumerateArray());
        Assert.Equal(("AwsEc2SecurityGroup", SampleAssessment.OpenGroup, "eu-west-1"), (resource.GetProperty("Type").GetString(), resource.GetProperty("Id").GetString(), resource.GetProperty("Region").GetString()));
        Assert.Equal("FAILED", ssh.GetProperty("Compliance").GetProperty("Status").GetString());
        Assert.Equal(["aws-fsbp:EC2.13", "cis-aws-3.0:5.2"], ssh.GetProperty("Compliance").GetProperty("RelatedRequirements").EnumerateArray().Select(static e => e.GetString()));
        Assert.Equal("Remove the <0.0.0.0/0> rule for port 22.", ssh.GetProperty("Remediation").GetProperty("Recommendation").GetProperty("Text").GetString());
        Assert.Equal("NEW", ssh.GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Contains(ssh.GetProperty("Types").EnumerateArray(), t => t.GetString()!.EndsWith("/CIS AWS Foundations Benchmark", StringComparison.Ordinal));
    }

    [Fact]
    public void StatusesMapToComplianceAndWorkflowAndAccountSettingsAreTheAccountInItsHomeRegion()
    {
        var findings = Write(SampleAssessment.Document());

        (string?, string?) Of(string key) => (Find(findings, key).GetProperty("Compliance").GetProperty("Status").GetString(), Find(findings, key).GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Equal(("PASSED", "RESOLVED"), Of(SampleAssessment.ClosedGroup));
        Assert.Equal(("FAILED", "SUPPRESSED"), Of(SampleAssessment.Sandbox));
        Assert.Equal(("WARNING", "NEW"), Of(SampleAssessment.Policy));
        Assert.Equal(("NOT_AVAILABLE", "RESOLVED"), Of(SampleAssessment.Bucket));
        Assert.Contains("sandbox bastion", Find(findings, SampleAssessment.Sandbox).GetProperty("Note").GetProperty("Text").GetString(), StringComparison.Ordinal);
        Assert.Equal("INFORMATIONAL", Find(findings, SampleAssessment.ClosedGroup).GetProperty("Severity").GetProperty("Label").GetString());
        var policy = Find(findings, SampleAssessment.Policy);
        Assert.Equal("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default", policy.GetProperty("ProductArn").GetString());
        Assert.Equal(("AwsAccount", "AWS::::Account:111122223333"), (policy.GetProperty("Resources")[0].GetProperty("Type").GetString(), policy.GetProperty("Resources")[0].GetProperty("Id").GetString()));
        Assert.Equal("AwsS3Bucket", Find(findings, SampleAssessment.Bucket).GetProperty("Resources")[0].GetProperty("Type").GetString());
    }

    [Theory]
    [InlineData("AWS::EC2::SecurityGroup", "AwsEc2SecurityGroup")]
    [InlineData("AWS::S3::Bucket", "AwsS3Bucket")]
    [InlineData("AWS::RDS::DBInstance", "AwsRdsDbInstance")]
    [InlineData("Rampart::EC2::EbsEncryptionByDefault", "AwsAccount")]
    [InlineData("AWS::Logs::MetricFilter", "Other")]
    public void ResourceTypesUseAsffNamesElseOther(string type, string expected) =>
        Assert.Equal(expected, AssessmentAsffWriter.ResourceType(type));

    private static List<JsonElement> Write(AssessmentDocument document)
    {
        using var buffer = new MemoryStream();
        AssessmentAsffWriter.Write(buffer, document);
        using var json = JsonDocument.Parse(buffer.ToArray());
        return [.. json.RootElement.GetProperty("Findings").EnumerateArray().Select(static f => f.Clone())];
    }

    // The resource id of account-level settings is the account, so find by the Rampart key kept in Details or the key itself.
    private static JsonElement Find(List<JsonElement> findings, string key) =>
        findings.Single(f => f.GetProperty("Resources")[0].GetProperty("Id").GetString() == key
            || (f.GetProperty("Resources")[0].TryGetProperty("Details", out var d) && d.GetProperty("Other").GetProperty("Key").GetString() == key));
}
