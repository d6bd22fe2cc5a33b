using AngleSharp.Html.Parser;
using Rampart.Posture.Assessment.Output;

namespace Rampart.Posture.Tests.Assessment;

public sealed class HtmlReportTests
{
    [Fact]
    public void ThePageHasScoresChartsDriftAndOneEntryPerFailingResultWithEvidenceAndRemediation()
    {
        var page = Parse(SampleAssessment.Document());

        Assert.NotNull(page.QuerySelector("section#summary svg"));
        var framework = page.QuerySelector("section#scores .framework[data-framework='cis-aws-3.0']");
        Assert.NotNull(framework);
        Assert.Equal(["1 Identity and Access Management", "2 Storage", "5 Networking"], framework.QuerySelectorAll("tr.section").Select(static r => r.Children[0].TextContent));
        Assert.Contains("1 sections with no automated control are not shown", framework.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 of 2 assessed controls pass; 1 failed, 1 errors", framework.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("section#drift tr.change"));
        Assert.Single(page.QuerySelectorAll("section#drift tr.flip"));

        var failures = page.QuerySelectorAll("section#failures .result");
        Assert.Equal(["FAIL", "ERROR"], failures.Select(static f => f.GetAttribute("data-status")));
        var open = failures[0];
        Assert.Contains(SampleAssessment.OpenGroup, open.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remove the <0.0.0.0/0> rule for port 22.", open.QuerySelector(".fix")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", open.QuerySelector("table.evidence")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MutedResultsShowTheirReasonAndExpiryAndNothingFromTheInputBecomesMarkup()
    {
        var page = Parse(SampleAssessment.Document());

        var muted = Assert.Single(page.QuerySelectorAll("section#muted .result"));
        Assert.Contains("sandbox bastion, torn down nightly (until 2099-01-01", muted.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("link, img, iframe"));
    }

    [Fact]
    public void WithoutABaselineThereIsNoDriftSection() =>
        Assert.Null(Parse(SampleAssessment.Document(baseline: false)).QuerySelector("section#drift"));

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(AssessmentDocument document)
    {
        using var text = new StringWriter();
        AssessmentHtmlReport.Write(text, document);
        return new HtmlParser().ParseDocument(text.ToString());
    }
}
