using System.Text.Json;
using Rampart.Posture.Assessment.Output;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Assessment;

public sealed class AsffWriterTests
{
    private static readonly string[] Required =
        ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources"];

    [Fact]
    public void AFindingOfEveryStatusKeepsTheAttributesAndFormatsAwsDocuments()
    {
        var findings = Write(SampleAssessment.Document());

        Assert.Equal(["FAILED", "NOT_AVAILABLE", "PASSED", "WARNING"], findings.Select(static f => f.GetProperty("Compliance").GetProperty("Status").GetString()).Distinct().Order());
        Assert.Empty(findings.SelectMany(AsffRules.Problems));
    }

    [Fact]
    public void TheAsffRulesCatchAFindingThatBreaksThem()
    {
        var finding = System.Text.Json.Nodes.JsonNode.Parse(Write(SampleAssessment.Document())[0].GetRawText())!;
        finding["AwsAccountId"] = "1234";
        finding["Types"]![0] = "Vulnerabilities/CVE";
        finding["Severity"]!["Label"] = "SEVERE";
        finding["CreatedAt"] = "2026-12-07 03:00";
        finding["Title"] = new string('t', 257);

        var problems = AsffRules.Problems(JsonDocument.Parse(finding.ToJsonString()).RootElement).ToList();

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, static p => p.EndsWith("AwsAccountId 1234 is not twelve digits", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("ProductArn arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default is not arn:aws:securityhub:REGION:1234:product/1234/default", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("type Vulnerabilities/CVE is not namespace/category/classifier with a Security Hub namespace", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("Severity.Label is missing or not a Security Hub label", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("CreatedAt 2026-12-07 03:00 is not an ISO 8601 timestamp Security Hub takes", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.EndsWith("Title is 257 characters, more than 256", StringComparison.Ordinal));
    }

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
