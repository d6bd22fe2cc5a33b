using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// Decisions per second for a principal with an account-sized policy set: eight identity policies (74
/// statements with wildcards, resource scopes, conditions and variables), a permissions boundary, two SCP
/// levels with a region guard, and a bucket policy; 1,024 realistic requests, half allowed. The baseline
/// parses the policies for every decision, as an evaluator without compilation would; the per-decision
/// time of the compiled evaluator is the figure the target (median under 2 µs) is judged on.
/// </summary>
[MemoryDiagnoser]
public class IamDecisionBenchmarks
{
    private const int Requests = 1024;

    private static readonly string[] Services = ["s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "logs", "kms", "iam", "cloudwatch"];
    private static readonly string[] Verbs = ["Get", "List", "Describe", "Put", "Delete", "Create", "Update", "Tag"];

    private readonly AuthorizationRequest[] _requests;
    private readonly PolicySet _policies;
    private readonly (string Json, PolicyKind Kind)[] _sources;

    public IamDecisionBenchmarks()
    {
        _sources = [.. Sources()];
        _policies = Build(_sources);
        var random = new Random(7);
        _requests = [.. Enumerable.Range(0, Requests).Select(i =>
        {
            var service = Services[random.Next(Services.Length)];
            var action = $"{service}:{Verbs[random.Next(Verbs.Length)]}{(i % 3 == 0 ? "Object" : "Item")}";
            var resource = service == "s3" ? $"arn:aws:s3:::team-{i % 4}/data/{i}.csv" : $"arn:aws:{service}:eu-west-1:111122223333:thing/app-{i % 7}";
            return new AuthorizationRequest
            {
                Principal = "arn:aws:sts::111122223333:assumed-role/AppRole/session-" + (i % 5).ToString(CultureInfo.InvariantCulture),
                Action = action,
                Resource = resource,
                ResourceAccount = "111122223333",
                Context = ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, new Dictionary<string, ImmutableArray<string>>
                {
                    ["aws:RequestedRegion"] = [i % 9 == 0 ? "us-east-1" : "eu-west-1"],
                    ["aws:SourceIp"] = [i % 4 == 0 ? "198.51.100.7" : "10.0.3.4"],
                    ["aws:PrincipalTag/team"] = ["team-" + (i % 4).ToString(CultureInfo.InvariantCulture)],
                    ["aws:SecureTransport"] = ["true"],
                }),
            };
        })];

        // Both sides must agree before either is timed.
        if (Compiled() != ParsedEachTime())
            throw new InvalidOperationException("the compiled and the re-parsed evaluations disagree");
        var allowed = _requests.Count(request => PolicyEvaluator.Decide(request, _policies) == Decision.Allowed);
        if (allowed < Requests / 10 || allowed > Requests * 9 / 10)
            throw new InvalidOperationException($"{allowed} of {Requests} requests allowed: the mix is not realistic");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public int ParsedEachTime()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (PolicyEvaluator.Decide(request, Build(_sources)) == Decision.Allowed)
                allowed++;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int Compiled()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (PolicyEvaluator.Decide(request, _policies) == Decision.Allowed)
                allowed++;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int CompiledWithTrace()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (PolicyEvaluator.Evaluate(request, _policies).Decision == Decision.Allowed)
                allowed++;
        }

        return allowed;
    }

    private static PolicySet Build((string Json, PolicyKind Kind)[] sources)
    {
        CompiledPolicy Compile((string Json, PolicyKind Kind) source) =>
            CompiledPolicy.Compile(PolicyDocument.Parse(source.Json, "bench", source.Kind, NullDiagnosticSink.Instance)
                ?? throw new InvalidOperationException("a benchmark policy does not parse"));
        return new PolicySet
        {
            Identity = [.. sources.Where(s => s.Kind == PolicyKind.Identity).Select(Compile)],
            PermissionBoundary = Compile(sources.Single(s => s.Kind == PolicyKind.PermissionBoundary)),
            Resource = Compile(sources.Single(s => s.Kind == PolicyKind.Resource)),
            ServiceControl = [.. sources.Where(s => s.Kind == PolicyKind.ServiceControl).Select(s => ImmutableArray.Create(Compile(s)))],
        };
    }

    private static IEnumerable<(string, PolicyKind)> Sources()
    {
        static string Doc(IEnumerable<string> statements) => $$"""{"Version": "2012-10-17", "Statement": [{{string.Join(",", statements)}}]}""";

        // Eight identity policies, as a team role accumulates them.
        for (var p = 0; p < 8; p++)
        {
            var statements = new List<string>();
            for (var s = 0; s < (p < 2 ? 14 : 8); s++)
            {
                var service = Services[(p + s) % Services.Length];
                var verb = Verbs[(p * 3 + s) % Verbs.Length];
                var resource = service == "s3"
                    ? $"\"arn:aws:s3:::team-{s % 4}/*\""
                    : $"[\"arn:aws:{service}:*:111122223333:thing/app-{s % 7}\", \"arn:aws:{service}:eu-*:111122223333:thing/shared-*\"]";
                var condition = s % 4 == 0 ? """, "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["team-0", "team-1"]}}""" : "";
                statements.Add($$"""{"Sid": "S{{p}}x{{s}}", "Effect": "Allow", "Action": ["{{service}}:{{verb}}*", "{{service}}:Describe*"], "Resource": {{resource}}{{condition}}}""");
            }

            if (p == 0)
                statements.Add("""{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws:PrincipalTag/team}/*"}""");
            if (p == 1)
                statements.Add("""{"Effect": "Deny", "Action": ["iam:*", "kms:Delete*"], "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}}""");
            yield return (Doc(statements), PolicyKind.Identity);
        }

        yield return (Doc([
            """{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}""",
            """{"Effect": "Allow", "Action": "iam:Get*", "Resource": "*"}""",
        ]), PolicyKind.PermissionBoundary);
        yield return (Doc([
            """{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/AppRole"}, "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::team-2/*"}""",
            """{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}""",
        ]), PolicyKind.Resource);
        yield return (Doc(["""{"Effect": "Allow", "Action": "*", "Resource": "*"}"""]), PolicyKind.ServiceControl);
        yield return (Doc([
            """{"Effect": "Allow", "Action": "*", "Resource": "*"}""",
            """{"Effect": "Deny", "NotAction": ["iam:*", "sts:*", "cloudfront:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}}""",
        ]), PolicyKind.ServiceControl);
    }
}
