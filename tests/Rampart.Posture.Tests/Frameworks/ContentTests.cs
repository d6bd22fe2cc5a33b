using Rampart.Core.Diagnostics;
using Rampart.Posture.Frameworks;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Frameworks;

/// <summary>The frameworks Rampart ships in content/frameworks.</summary>
public sealed class ContentTests
{
    private static readonly string Directory = RepositoryPaths.Combine("content", "frameworks");

    [Fact]
    public void TheShippedFrameworksLoadWithoutAnyDiagnostic()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = FrameworkCatalog.Load(Directory, diagnostics);

        Assert.Empty(diagnostics.ToImmutableArray().Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(["aws-fsbp", "cis-aws-3.0", "wa-sec"], catalog.Frameworks.Select(framework => framework.Id));
        Assert.Equal([286, 62, 64], catalog.Frameworks.Select(framework => framework.Controls.Length));
    }

    [Fact]
    public void EveryShippedControlHasATitleASectionAndAReasonWhenManual()
    {
        var catalog = FrameworkCatalog.Load(Directory, NullDiagnosticSink.Instance);
        foreach (var framework in catalog.Frameworks)
        {
            foreach (var control in framework.Controls)
            {
                Assert.NotNull(framework.FindSection(control.Section));
                Assert.False(string.IsNullOrWhiteSpace(control.Title), $"{framework.Id}:{control.Id} has no title");
                Assert.True(control.Title.Length <= 60, $"{framework.Id}:{control.Id} has a long title; keep titles to a few words");
                Assert.Equal(!control.Automated, control.Reason is not null);
            }

            Assert.All(framework.Sections, section => Assert.Contains(framework.Controls, control => control.Section == section.Id));
        }
    }

    [Fact]
    public void CisManualControlsAreTheOnesTheBenchmarkAssessesManually()
    {
        var cis = FrameworkCatalog.Load(Directory, NullDiagnosticSink.Instance).Find("cis-aws-3.0")!;

        Assert.Equal(
            ["1.1", "1.2", "1.3", "1.18", "1.21", "1.22", "2.1.3", "5.5"],
            cis.Controls.Where(control => !control.Automated).Select(control => control.Id));
        Assert.Equal([22, 9, 9, 16, 6], cis.Sections.Select(section => cis.Controls.Count(control => control.Section == section.Id)));
    }

    [Fact]
    public void ControlIdsAreWrittenExactlyAsTheStandardsNumberThem()
    {
        var catalog = FrameworkCatalog.Load(Directory, NullDiagnosticSink.Instance);

        Assert.Equal("Password minimum length 14 or more", catalog.Find(new ControlRef("cis-aws-3.0", "1.8"))!.Title);
        Assert.NotNull(catalog.Find(new ControlRef("cis-aws-3.0", "1.10")));
        Assert.Equal(Rampart.Core.Severity.High, catalog.Find(new ControlRef("aws-fsbp", "EC2.13"))!.Severity);
        Assert.Equal(Rampart.Core.Severity.High, catalog.Find(new ControlRef("wa-sec", "SEC03-BP02"))!.Severity);
        Assert.Null(catalog.Find(new ControlRef("cis-aws-3.0", "1.1.0")));
    }
}
