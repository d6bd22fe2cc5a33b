using System.Diagnostics;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Exposure;
using Rampart.Iam.Risk;
using Xunit.Abstractions;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>
/// Runs both analyses over a generated account of 5,000 principals and prints the time, processor time and allocation;
/// speed is measured here, not asserted (a loaded machine would make an assertion flaky).
/// </summary>
public sealed class SyntheticAccountTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void AFiveThousandPrincipalAccountIsAnalysedAndTheTimeIsPrinted()
    {
        var account = AccountAuthorizationReader.Parse(SyntheticAccount.Generate(2500, 2500, 7), "synthetic.json", NullDiagnosticSink.Instance);
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var access = AccountAccess.Create(account, new AccessOptions(), NullDiagnosticSink.Instance);
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        PermissionRiskAnalyzer.Run(access, findings, notes);
        var permissions = clock.Elapsed;
        TrustExposureAnalyzer.Run(access, [], findings, notes);
        clock.Stop();

        output.WriteLine($"{access.PrincipalCount} principals: permission risks {permissions.TotalSeconds:F2} s, with trust {clock.Elapsed.TotalSeconds:F2} s elapsed, "
            + $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s processor, {(GC.GetTotalAllocatedBytes() - allocated) / 1_000_000} MB allocated, "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB, {findings.Count} findings");
        foreach (var group in findings.GroupBy(f => (f.CheckId, f.Severity)).OrderBy(g => g.Key.CheckId, StringComparer.Ordinal).ThenBy(g => g.Key.Severity))
            output.WriteLine($"  {group.Key.CheckId} {group.Key.Severity}: {group.Count()}");
        Assert.Equal(5000, access.PrincipalCount);
        Assert.Contains(findings, f => f.CheckId == ExposureCheckIds.AdminEquivalent);
        Assert.Contains(findings, f => f.CheckId == ExposureCheckIds.TrustService);
        Assert.Empty(notes);
    }
}
