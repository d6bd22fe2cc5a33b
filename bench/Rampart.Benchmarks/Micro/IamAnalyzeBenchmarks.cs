using BenchmarkDotNet.Attributes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Risk;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// <c>rampart iam analyze</c> over a generated account of 2,500 users and 2,500 roles: the whole analysis from the export's
/// text to the ordered findings (admin equivalence, escalation paths, action-category risks, trust exposure, credential
/// hygiene from the export, lint). The baseline reads the export alone. Target: under 10 s on one core
/// (run with <c>--affinity 1</c>); allocated memory is reported.
/// </summary>
[MemoryDiagnoser]
public class IamAnalyzeBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _export = SyntheticAccount.Generate(users: 2500, roles: 2500, seed: 11);

    [GlobalSetup]
    public void Setup()
    {
        if (Analyze() == 0)
            throw new InvalidOperationException("the analysis found nothing in a generated account: not a realistic measurement");
    }

    [Benchmark(Baseline = true)]
    public int ReadExport() => AccountAuthorizationReader.Parse(_export, "synthetic.json", NullDiagnosticSink.Instance).Users.Length;

    [Benchmark]
    public int Analyze()
    {
        var account = AccountAuthorizationReader.Parse(_export, "synthetic.json", NullDiagnosticSink.Instance);
        var access = AccountAccess.Create(account, new AccessOptions(), NullDiagnosticSink.Instance);
        return IamAnalyzer.Analyze(new IamAnalysisInput { Access = access }, Now).Findings.Length;
    }
}
