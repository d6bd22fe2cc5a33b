using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Frameworks;

namespace Rampart.Posture.Tests.Frameworks;

/// <summary>Control status from check results, and scores per section and framework.</summary>
public sealed class FrameworkScorerTests
{
    private static readonly Framework Demo = new(
        "demo",
        "Demo",
        "1",
        "demo.yml",
        [new FrameworkSection("1", "Identity"), new FrameworkSection("2", "Storage"), new FrameworkSection("3", "Empty")],
        [
            Control("1.1", "1", "root-mfa"),
            Control("1.2", "1", "user-mfa", "user-keys-rotated"),
            Control("1.3", "1"),
            Control("2.1", "2", "bucket-tls"),
            Control("2.2", "2", "rds-encrypted"),
        ]);

    [Fact]
    public void AControlPassesWhenEveryMappedCheckPassesOnEveryResourceItAppliesTo()
    {
        var score = Score(
            Pass("root-mfa", "account"),
            Pass("user-mfa", "alice"),
            Pass("user-mfa", "bob"),
            NotApplicable("user-keys-rotated", "alice"),
            Pass("user-keys-rotated", "bob"));

        Assert.Equal(ControlStatus.Passed, Status(score, "1.1"));
        Assert.Equal(ControlStatus.Passed, Status(score, "1.2"));
    }

    [Fact]
    public void OneFailingResourceOfOneMappedCheckFailsTheControlAndIsNamed()
    {
        var score = Score(
            Pass("user-mfa", "alice"),
            Pass("user-keys-rotated", "alice"),
            Fail("user-keys-rotated", "bob"),
            Error("user-mfa", "carol"));

        var control = score.Controls.Single(result => result.Control.Id == "1.2");
        Assert.Equal(ControlStatus.Failed, control.Status);
        Assert.Equal(["bob"], control.FailedResources.ToArray());
        Assert.Equal(["carol"], control.ErrorResources.ToArray());
    }

    [Fact]
    public void AnErrorWithoutAFailureLeavesTheControlInErrorAndItCountsAgainstTheScore()
    {
        var score = Score(Pass("root-mfa", "account"), Error("bucket-tls", "logs"), Pass("bucket-tls", "site"));

        Assert.Equal(ControlStatus.Error, Status(score, "2.1"));
        Assert.Equal(new Score(Passed: 1, Failed: 0, Errors: 1, NotApplicable: 2, Muted: 0, NotAutomated: 1), score.Score);
        Assert.Equal(0.5, score.Score.Ratio);
    }

    [Fact]
    public void AControlWhoseChecksApplyToNothingIsNotApplicableAndNotAssessed()
    {
        var score = Score(NotApplicable("rds-encrypted", "none"));

        Assert.Equal(ControlStatus.NotApplicable, Status(score, "2.2"));
        Assert.Equal(ControlStatus.NotApplicable, Status(score, "2.1"));
        Assert.Equal(0, score.Score.Assessed);
        Assert.Null(score.Score.Ratio);
    }

    [Fact]
    public void AControlWithoutChecksIsNotAutomatedWhateverTheResults()
    {
        var score = Score(Fail("root-mfa", "account"));

        Assert.Equal(ControlStatus.NotAutomated, Status(score, "1.3"));
    }

    [Fact]
    public void MutedResultsAreSetAsideAndAControlWithOnlyMutedResultsIsMuted()
    {
        var score = Score(Muted("root-mfa", "account"), Muted("bucket-tls", "logs"), Pass("bucket-tls", "site"));

        Assert.Equal(ControlStatus.Muted, Status(score, "1.1"));
        Assert.Equal(ControlStatus.Passed, Status(score, "2.1"));
        Assert.Equal((1, 1), (score.Score.Passed, score.Score.Muted));
    }

    [Fact]
    public void ResultsOfChecksNoControlListsAreIgnored()
    {
        var score = Score(Fail("unmapped-check", "bucket"));

        Assert.Equal(0, score.Score.Failed);
    }

    [Fact]
    public void SectionsAndTheFrameworkScorePassedOverAssessedControls()
    {
        var score = Score(
            Pass("root-mfa", "account"),
            Fail("user-mfa", "bob"),
            Pass("bucket-tls", "site"),
            Pass("rds-encrypted", "db1"));

        Assert.Equal(["1", "2", "3"], score.Sections.Select(section => section.Section.Id));
        var identity = score.Sections[0].Score;
        Assert.Equal((1, 2, 3, 0.5), (identity.Passed, identity.Assessed, identity.Total, identity.Ratio));
        Assert.Equal((2, 2, 1.0), (score.Sections[1].Score.Passed, score.Sections[1].Score.Assessed, score.Sections[1].Score.Ratio));
        Assert.Equal((0, null), (score.Sections[2].Score.Total, score.Sections[2].Score.Ratio));
        Assert.Equal((3, 4, 0.75), (score.Score.Passed, score.Score.Assessed, score.Score.Ratio));
    }

    [Fact]
    public void AControlReferenceIsWrittenFrameworkColonControl()
    {
        Assert.True(ControlRef.TryParse("cis-aws-3.0:1.8", out var reference));
        Assert.Equal(new ControlRef("cis-aws-3.0", "1.8"), reference);
        Assert.Equal("cis-aws-3.0:1.8", reference.ToString());
        Assert.True(ControlRef.TryParse("wa-sec:SEC03-BP02", out var practice));
        Assert.Equal("SEC03-BP02", practice!.Value.Control);
        Assert.False(ControlRef.TryParse("cis-aws-3.0", out _));
        Assert.False(ControlRef.TryParse(":1.8", out _));
        Assert.False(ControlRef.TryParse("cis-aws-3.0:", out _));
        Assert.False(ControlRef.TryParse(null, out _));
    }

    private static FrameworkScore Score(params ControlEvidence[] evidence) => FrameworkScorer.Score(Demo, evidence);

    private static ControlStatus Status(FrameworkScore score, string control) =>
        score.Controls.Single(result => result.Control.Id == control).Status;

    private static FrameworkControl Control(string id, string section, params string[] checks) =>
        new(id, section, "Title " + id, null, checks.Length > 0, checks.Length > 0 ? null : "Manual.", [.. checks], new SourceLocation("demo.yml"));

    private static ControlEvidence Pass(string check, string resource) => new(check, resource, ResultStatus.Pass);

    private static ControlEvidence Fail(string check, string resource) => new(check, resource, ResultStatus.Fail);

    private static ControlEvidence Error(string check, string resource) => new(check, resource, ResultStatus.Error);

    private static ControlEvidence NotApplicable(string check, string resource) => new(check, resource, ResultStatus.NotApplicable);

    private static ControlEvidence Muted(string check, string resource) => new(check, resource, ResultStatus.Muted);
}
