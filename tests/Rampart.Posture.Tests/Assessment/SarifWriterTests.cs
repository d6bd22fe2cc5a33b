using System.Text.Json;
using Rampart.Posture.Assessment.Output;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Assessment;

public sealed class SarifWriterTests
{
    [Fact]
    public void ALogWithEveryKindOfResultIsValidUnderTheOfficialSarifSchema()
    {
        Run(SampleAssessment.Document(), out var log);

        Assert.Empty(SarifSchema.Problems(log));
    }

    [Fact]
    public void OneRunHasARulePerCheckAndAResultPerFailureErrorAndMuteWhoseRuleIsAmongTheRules()
    {
        var run = Run(SampleAssessment.Document(), out var log);

        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Rampart", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(static r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(["ec2-sg-ssh-open-ipv4", "s3-bucket-tls-only", "iam-password-length"], rules);
        var ssh = driver.GetProperty("rules")[0];
        Assert.Equal(("Security group does not open SSH to the world", "Remove the <0.0.0.0/0> rule for port 22.", "high"),
            (ssh.GetProperty("shortDescription").GetProperty("text").GetString(), ssh.GetProperty("help").GetProperty("text").GetString(), ssh.GetProperty("properties").GetProperty("severity").GetString()));
        Assert.Contains("cis-aws-3.0:5.2", ssh.GetProperty("properties").GetProperty("controls").EnumerateArray().Select(static c => c.GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            var id = r.GetProperty("ruleId").GetString()!;
            Assert.Contains(id, rules);
            Assert.Equal(rules.IndexOf(id), r.GetProperty("ruleIndex").GetInt32());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
        });
    }

    [Fact]
    public void LevelsFollowSeverityAnErrorIsForReviewAndAMuteIsAnAcceptedSuppression()
    {
        var results = Run(SampleAssessment.Document(), out _).GetProperty("results").EnumerateArray().ToList();

        JsonElement Of(string key) => results.Single(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString() == key);
        var open = Of(SampleAssessment.OpenGroup);
        Assert.Equal(("fail", "error"), (open.GetProperty("kind").GetString(), open.GetProperty("level").GetString()));
        Assert.False(open.TryGetProperty("suppressions", out _));
        Assert.Equal(("review", "none"), (Of(SampleAssessment.Policy).GetProperty("kind").GetString(), Of(SampleAssessment.Policy).GetProperty("level").GetString()));
        var suppression = Assert.Single(Of(SampleAssessment.Sandbox).GetProperty("suppressions").EnumerateArray());
        Assert.Equal(("external", "accepted"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString()));
        Assert.StartsWith("sandbox bastion, torn down nightly", suppression.GetProperty("justification").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, suppression.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void TheLocationIsTheResourceAndTheFileItWasReadFrom()
    {
        var results = Run(SampleAssessment.Document(), out _).GetProperty("results").EnumerateArray().ToList();

        var open = results.Single(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString() == SampleAssessment.OpenGroup);
        var location = open.GetProperty("locations")[0];
        Assert.Equal(("sg-0aaa", "resource"), (location.GetProperty("logicalLocations")[0].GetProperty("name").GetString(), location.GetProperty("logicalLocations")[0].GetProperty("kind").GetString()));
        var uri = location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", uri, StringComparison.Ordinal);
        Assert.EndsWith("eu-west-1/ec2-describe-security-groups.json", uri, StringComparison.Ordinal);
        Assert.Equal("$.SecurityGroups[0]", location.GetProperty("properties").GetProperty("jsonPath").GetString());
        Assert.Equal("export/111122223333/iam-get-account-password-policy.json",
            results.Single(r => r.GetProperty("ruleId").GetString() == "iam-password-length").GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    private static JsonElement Run(AssessmentDocument document, out JsonElement log)
    {
        using var buffer = new MemoryStream();
        AssessmentSarifWriter.Write(buffer, document);
        log = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
        return Assert.Single(log.GetProperty("runs").EnumerateArray());
    }
}
