using Rampart.Core.Diagnostics;
using Rampart.Testing;

namespace Rampart.Logs.Tests;

public sealed class LogFilesTests
{
    [Fact]
    public void AFolderIsExpandedRecursivelyInOrdinalOrder()
    {
        using var folder = new TempDirectory();
        folder.Write("b/2.json", "{}");
        folder.Write("a/10.json", "{}");
        folder.Write("a/9.json", "{}");
        folder.Write("Z.json", "{}");
        var diagnostics = new DiagnosticBag();

        var files = LogFiles.Discover([folder.Path], diagnostics);

        Assert.Equal(["Z.json", "a/10.json", "a/9.json", "b/2.json"], files.Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/')));
        Assert.Empty(diagnostics.ToImmutableArray());
    }

    [Fact]
    public void HiddenFilesAndFoldersUnderAFolderAreLeftOut()
    {
        using var folder = new TempDirectory();
        folder.Write(".DS_Store", "x");
        folder.Write(".git/config", "x");
        folder.Write("logs/events.json", "{}");

        var files = LogFiles.Discover([folder.Path], new DiagnosticBag());

        Assert.Equal([Path.Combine(folder.Path, "logs", "events.json")], files);
    }

    [Fact]
    public void AMissingPathIsAnErrorAndTheOtherPathsAreStillListed()
    {
        using var folder = new TempDirectory();
        var present = folder.Write("events.json", "{}");
        var missing = Path.Combine(folder.Path, "nope");
        var diagnostics = new DiagnosticBag();

        var files = LogFiles.Discover([missing, present], diagnostics);

        Assert.Equal([present], files);
        Assert.Equal([$"{missing}: LOG013: no file or folder at this path"], diagnostics.ToImmutableArray().Select(d => d.ToString()));
        Assert.True(diagnostics.HasErrors);
    }

    [Fact]
    public void AFileNamedTwiceOrAlsoInsideANamedFolderIsListedOnce()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("events.json", "{}");

        var files = LogFiles.Discover([file, folder.Path, file], new DiagnosticBag());

        Assert.Equal([file], files);
    }

    [Fact]
    public void ADigestFileNamedExplicitlyIsSkippedWithAnInfo()
    {
        using var folder = new TempDirectory();
        var digest = folder.Write("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/05/d.json.gz", "x");
        var diagnostics = new DiagnosticBag();

        var files = LogFiles.Discover([digest], diagnostics);

        Assert.Empty(files);
        Assert.Equal([$"{digest}: LOG012: CloudTrail digest files hold no events; the file was skipped"], diagnostics.ToImmutableArray().Select(d => d.ToString()));
        Assert.False(diagnostics.HasErrors);
    }
}
