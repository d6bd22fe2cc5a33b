using Rampart.Core.Diagnostics;

namespace Rampart.Core.Tests;

public sealed class SourceLocationTests
{
    [Fact]
    public void ADiagnosticPrintsAsPathLineColumnCodeMessage()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "RULE012", "unknown modifier `contians`.", new SourceLocation("rules/a.yml", 14, 9));
        Assert.Equal("rules/a.yml:14:9: RULE012: unknown modifier `contians`.", diagnostic.ToString());
    }

    [Fact]
    public void ARecordNumberFollowsTheLineWhenRecordsShareALine()
    {
        Assert.Equal("ct.json.gz:1 record 7", new SourceLocation("ct.json.gz", 1, 0, 7).ToString());
        Assert.Equal("x.log", new SourceLocation("x.log").ToString());
    }
}
