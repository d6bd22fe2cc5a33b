using BenchmarkDotNet.Attributes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// <c>rampart iam who-can</c> over a generated account of 2,500 users and 2,500 roles (groups, customer managed policies
/// with conditions, inline policies, boundaries, trust policies): the whole job from the export's text to the answer.
/// The baseline answers the same question by parsing every policy of every principal where it applies, as a tool without
/// per-account compilation would; the target is the absolute time of <see cref="WhoCan"/> (under 1 s).
/// </summary>
[MemoryDiagnoser]
public class WhoCanBenchmarks
{
    private const string Action = "s3:GetObject";
    private const string Resource = "arn:aws:s3:::shared-reports/2026/q4.csv";

    private readonly string _export = SyntheticAccount.Generate(users: 2500, roles: 2500, seed: 11);
    private AccountAccess? _warm;

    [GlobalSetup]
    public void Setup()
    {
        // Both must give the same answer before either is timed.
        var compiled = WhoCan();
        var parsed = ParsedPerPrincipal();
        if (compiled != parsed)
            throw new InvalidOperationException($"who-can found {compiled} principals, the re-parsing baseline {parsed}");
        if (compiled == 0)
            throw new InvalidOperationException("no principal can: the question is not realistic");
        _warm = AccountAccess.Create(Read(), new AccessOptions(), NullDiagnosticSink.Instance);
        _warm.WhoCan(Action, Resource);
    }

    [Benchmark(Baseline = true)]
    public int ParsedPerPrincipal()
    {
        var account = Read();
        var allowed = 0;
        foreach (var (policies, arn) in account.Users.Select(u => (account.EffectivePolicies(u), u.Arn))
                     .Concat(account.Roles.Select(r => (account.EffectivePolicies(r), r.Arn))))
        {
            var set = new PolicySet
            {
                Identity = [.. policies.Identity.Select(p => Parse(p.Document, PolicyKind.Identity)).OfType<CompiledPolicy>()],
                PermissionBoundary = policies.PermissionsBoundary is { } b ? Parse(b.Document, PolicyKind.PermissionBoundary) : null,
            };
            var request = new AuthorizationRequest { Principal = arn, Action = Action, Resource = Resource, ResourceAccount = account.AccountId };
            if (PolicyEvaluator.EvaluateOpen(request, set, static key => key.StartsWith("aws:PrincipalTag/", StringComparison.OrdinalIgnoreCase)).Decision == Decision.Allowed)
                allowed++;
        }

        return allowed;
    }

    /// <summary>The whole job: read the export, prepare the account, ask.</summary>
    [Benchmark]
    public int WhoCan() => AccountAccess.Create(Read(), new AccessOptions(), NullDiagnosticSink.Instance).WhoCan(Action, Resource).Allowed.Length;

    /// <summary>Reading the export alone: the floor under <see cref="WhoCan"/>.</summary>
    [Benchmark]
    public int ReadExport() => Read().Users.Length;

    /// <summary>A further question over an account already prepared (what a console or a batch of questions pays).</summary>
    [Benchmark]
    public int WhoCanPrepared() => _warm!.WhoCan("iam:PassRole", "arn:aws:iam::*:role/app-*").Allowed.Length;

    private AccountAuthorizationDetails Read() => AccountAuthorizationReader.Parse(_export, "synthetic.json", NullDiagnosticSink.Instance);

    private static CompiledPolicy? Parse(PolicyText text, PolicyKind kind) =>
        PolicyDocument.Parse(text.Json, text.Origin, kind, NullDiagnosticSink.Instance) is { } document ? CompiledPolicy.Compile(document) : null;
}
