using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Exposure;
using Rampart.Iam.Risk;
using Xunit.Abstractions;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>
/// Both analyses over a generated account of 5,000 principals: what they find (speed is measured by
/// <c>IamAnalyzeBenchmarks</c>, not here).
/// </summary>
public sealed class SyntheticAccountExposureTests(ITestOutputHelper output)
{
    [Fact]
    public void AFiveThousandPrincipalAccountIsAnalysed()
    {
        var account = AccountAuthorizationReader.Parse(SyntheticAccount.Generate(2500, 2500, 7), "synthetic.json", NullDiagnosticSink.Instance);
        var access = AccountAccess.Create(account, new AccessOptions(), NullDiagnosticSink.Instance);
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        PermissionRiskAnalyzer.Run(access, findings, notes);
        TrustExposureAnalyzer.Run(access, [], findings, notes);

        output.WriteLine($"{access.PrincipalCount} principals, {findings.Count} findings");
        foreach (var group in findings.GroupBy(f => (f.CheckId, f.Severity)).OrderBy(g => g.Key.CheckId, StringComparer.Ordinal).ThenBy(g => g.Key.Severity))
            output.WriteLine($"  {group.Key.CheckId} {group.Key.Severity}: {group.Count()}");
        Assert.Equal(5000, access.PrincipalCount);
        Assert.Contains(findings, f => f.CheckId == ExposureCheckIds.AdminEquivalent);
        Assert.Contains(findings, f => f.CheckId == ExposureCheckIds.TrustService);
        Assert.Empty(notes);
    }
}
