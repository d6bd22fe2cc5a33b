using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Rampart.Posture.Assessment;
using Rampart.Posture.Checks;
using Rampart.Posture.Muting;
using Rampart.Posture.Inventory;

namespace Rampart.Benchmarks.Micro;

/// <summary>
/// Posture checks over a generated inventory: 100,000 resources in 20 accounts (security groups with rules over IPv4
/// and IPv6, buckets with public access blocks, policies, encryption, versioning and logging, volumes, instances,
/// trails delivering to CloudWatch Logs, metric filters with the patterns of the shipped checks' examples, alarms,
/// topics, VPCs and flow logs, keys, DB instances, file systems and account settings) against the full shipped pack,
/// plugin checks included. Targets: the whole inventory under 2 s on one core; a one-resource change re-evaluated under
/// 1 ms. The baseline runs every path through JmesPath.Net over a Newtonsoft copy of each resource, as an engine
/// without the direct path compiler would; it and the compiled pack are timed per resource over the same
/// 2,000-resource sample.
/// </summary>
[MemoryDiagnoser]
public class PostureCheckBenchmarks
{
    private const int Inventory = 100_000;
    private const int Sample = 2_000;
    private const int Accounts = 20;

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly CloudResource[] _resources;
    private readonly ResourceInventory _inventory;
    private readonly CheckPack _pack;
    private readonly CheckPack _libraryPack;
    private readonly CloudResource _bucket;
    private readonly CloudResource _alarm;
    private readonly string[] _patterns;

    public PostureCheckBenchmarks()
    {
        var directory = Path.Combine(Root(), "content", "checks");
        _pack = Pack(CheckLoader.LoadDirectory(directory));
        _libraryPack = Pack(CheckLoader.LoadDirectory(directory, directPaths: false));
        if (_pack.InventoryChecks.Length < 20)
            throw new InvalidOperationException($"the pack has {_pack.InventoryChecks.Length} plugin checks; expected the shipped ones");
        _patterns = [.. _pack.InventoryChecks.SelectMany(static c => c.Definition.Examples).SelectMany(static e => e.Resources)
            .Where(static r => r.Type == "AWS::Logs::MetricFilter").Select(static r => r.Configuration.GetProperty("filterPattern").GetString()!).Distinct()];
        var random = new Random(7);
        _resources = [.. Enumerable.Range(0, Inventory - 8 * Accounts).Select(i => Generate(random, i)), .. Enumerable.Range(0, Accounts).SelectMany(a => PerAccount(random, a))];
        _inventory = ResourceInventory.Create(_resources, ["generated"], Rampart.Core.Diagnostics.NullDiagnosticSink.Instance);
        _bucket = _resources.First(static r => r.Type == "AWS::S3::Bucket" && r.Supplementary.ContainsKey("BucketPolicy"));
        _alarm = _resources.First(static r => r.Type == "AWS::CloudWatch::Alarm");

        // Both sides must agree before either is timed, and the inventory must fail some checks and pass others.
        var compiled = Statuses(_pack, _resources.AsSpan(0, Sample));
        if (!compiled.SequenceEqual(Statuses(_libraryPack, _resources.AsSpan(0, Sample))))
            throw new InvalidOperationException("the direct and the JmesPath.Net paths disagree");
        if (compiled.Count(static s => s == CheckStatus.Fail) < compiled.Length / 10 || compiled.Count(static s => s == CheckStatus.Pass) < compiled.Length / 10)
            throw new InvalidOperationException("the generated inventory is not a realistic mix of passes and failures");
        if (compiled.Contains(CheckStatus.Error))
            throw new InvalidOperationException("a generated resource gives ERROR");
        var plugins = new List<CheckResult>();
        foreach (var check in _pack.InventoryChecks)
            check.Evaluate(_inventory, Now, (result, _) => plugins.Add(result));
        if (plugins.Any(static r => r.Status == CheckStatus.Error) || !plugins.Any(static r => r.Status == CheckStatus.Pass) || !plugins.Any(static r => r.Status == CheckStatus.Fail))
            throw new InvalidOperationException($"the plugin checks give {string.Join(", ", plugins.GroupBy(static r => r.Status).Select(static g => $"{g.Count()} {g.Key}"))}; expected passes and failures only");
        if (Reevaluate(_alarm) == 0 || Reevaluate(_bucket) == 0)
            throw new InvalidOperationException("a change re-evaluates nothing");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sample)]
    public int LibraryPathsPerResource() => Run(_libraryPack, _resources.AsSpan(0, Sample));

    [Benchmark(OperationsPerInvoke = Sample)]
    public int CompiledPerResource() => Run(_pack, _resources.AsSpan(0, Sample));

    /// <summary>The target's figure: every resource of the inventory, every check of its type, and every plugin check.</summary>
    [Benchmark]
    public int CompiledWholeInventory()
    {
        var failed = Run(_pack, _resources);
        foreach (var check in _pack.InventoryChecks)
            check.Evaluate(_inventory, Now, (result, _) => failed += result.Status == CheckStatus.Fail ? 1 : 0);
        return failed;
    }

    /// <summary>
    /// A changed bucket with a policy (the costliest type: three policy functions) judged again: its own checks, and the
    /// plugin checks that read buckets (object-level events, trail buckets) in the accounts the change reaches.
    /// </summary>
    [Benchmark]
    public int BucketChangeReevaluated() => Reevaluate(_bucket);

    /// <summary>A changed alarm judged again: the fifteen monitoring-chain checks on its account.</summary>
    [Benchmark]
    public int AlarmChangeReevaluated() => Reevaluate(_alarm);

    private int Reevaluate(CloudResource changed) =>
        AssessmentRunner.Reevaluate(_inventory, [changed], _pack, MuteList.Empty, Now).Results.Length;

    private static int Run(CheckPack pack, ReadOnlySpan<CloudResource> resources)
    {
        var results = new List<CheckResult>(64);
        var failed = 0;
        foreach (var resource in resources)
        {
            results.Clear();
            pack.Evaluate(resource, Now, results);
            foreach (var result in results)
            {
                if (result.Status == CheckStatus.Fail)
                    failed++;
            }
        }

        return failed;
    }

    private static CheckStatus[] Statuses(CheckPack pack, ReadOnlySpan<CloudResource> resources)
    {
        var statuses = new List<CheckStatus>();
        foreach (var resource in resources)
            statuses.AddRange(pack.Evaluate(resource, Now).Select(static r => r.Status));
        return [.. statuses];
    }

    private static CheckPack Pack(CheckLoadResult loaded)
    {
        if (loaded.HasErrors)
            throw new InvalidOperationException(string.Join('\n', loaded.Diagnostics));
        return CheckPack.Compile(loaded.Checks);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            directory = directory.Parent;
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static string AccountOf(int i) => "1111222233" + (i % Accounts).ToString("00", CultureInfo.InvariantCulture);

    // Each account has an account summary and its virtual MFA devices (root's MFA virtual in half of them); two trails —
    // one multi-region, delivering to CloudWatch Logs and in half the accounts recording S3 object events, and one
    // regional — writing to its audit bucket, which logs access and is private; and three topics its alarms notify, some
    // with a subscriber.
    private static IEnumerable<CloudResource> PerAccount(Random random, int index)
    {
        var account = AccountOf(index);
        var name = "audit-" + account;
        yield return Resource(account, "AWS::S3::Bucket", name, $$"""{"Name":"{{name}}"}""",
            ("BucketLoggingConfiguration", """{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"audit/"}}"""),
            ("BucketPolicyStatus", """{"IsPublic":false}""")) with { Key = "arn:aws:s3:::" + name };
        var selectors = random.Next(2) == 0
            ? """{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]}"""
            : """{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true}]}""";
        yield return Resource(account, "AWS::CloudTrail::Trail", "main", $$"""{"Name":"main","IsMultiRegionTrail":true,"S3BucketName":"{{name}}","LogFileValidationEnabled":true,"CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:{{account}}:log-group:trail-logs:*"}""",
            ("TrailStatus", """{"IsLogging":true}"""), ("EventSelectors", selectors));
        yield return Resource(account, "AWS::CloudTrail::Trail", "regional", $$"""{"Name":"regional","IsMultiRegionTrail":false,"S3BucketName":"{{name}}","LogFileValidationEnabled":false}""",
            ("TrailStatus", $$"""{"IsLogging":{{(random.Next(2) == 0 ? "true" : "false")}}}"""));
        yield return Resource(account, ResourceTypes.AccountSummary, "account-summary", $$"""{"AccountMFAEnabled":{{random.Next(2)}},"AccountAccessKeysPresent":0}""");
        yield return Resource(account, ResourceTypes.VirtualMfaDevices, "virtual-mfa-devices", random.Next(2) == 0
            ? """{"VirtualMFADevices":[{"SerialNumber":"arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device","User":{"Arn":"arn:aws:iam::ACCOUNT:root"}}]}""".Replace("ACCOUNT", account, StringComparison.Ordinal)
            : """{"VirtualMFADevices":[]}""");
        for (var t = 0; t < 3; t++)
        {
            var topic = $"arn:aws:sns:us-east-1:{account}:alerts-{t}";
            yield return Resource(account, "AWS::SNS::Topic", "alerts-" + t, $$"""{"TopicArn":"{{topic}}","SubscriptionsConfirmed":"{{random.Next(2)}}"}""") with { Key = topic };
        }
    }

    private CloudResource Generate(Random random, int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var account = AccountOf(i);
        CloudResource Resource(string type, string id, string configuration, params (string Name, string Json)[] supplementary) =>
            PostureCheckBenchmarks.Resource(account, type, id, configuration, supplementary);
        var topic = $"arn:aws:sns:us-east-1:{account}:alerts-{random.Next(3)}";
        if (random.Next(10) == 0)
        {
            // One resource in ten: VPCs and flow logs, and the monitoring chain (each account's topics are added apart).
            var roll = random.Next(100);
            return roll switch
            {
                < 40 => Resource("AWS::EC2::VPC", "vpc-" + n, $$"""{"VpcId":"vpc-{{n}}","CidrBlock":"10.0.0.0/16","State":"available"}"""),
                < 70 => Resource("AWS::EC2::FlowLog", "fl-" + n, $$"""{"FlowLogId":"fl-{{n}}","ResourceId":"vpc-{{i - random.Next(1, 40) * Accounts}}","TrafficType":"{{(Chance(70) ? "ALL" : "ACCEPT")}}","FlowLogStatus":"ACTIVE"}"""),
                < 80 => Resource("AWS::Logs::MetricFilter", "trail-logs/f-" + n, JsonSerializer.Serialize(new
                {
                    filterName = "f-" + n,
                    logGroupName = "trail-logs",
                    filterPattern = _patterns[random.Next(_patterns.Length)],
                    metricTransformations = new[] { new { metricName = "m-" + (i % 200), metricNamespace = "Security", metricValue = "1" } },
                })),
                _ => Resource("AWS::CloudWatch::Alarm", "a-" + n, $$"""{"AlarmName":"a-{{n}}","MetricName":"m-{{random.Next(200)}}","Namespace":"Security","ActionsEnabled":true,"AlarmActions":["{{topic}}"]}"""),
            };
        }

        var kind = random.Next(100);
        bool Chance(int percent) => random.Next(100) < percent;
        string Bool(int percent) => Chance(percent) ? "true" : "false";
        return kind switch
        {
            < 30 => Resource("AWS::EC2::SecurityGroup", "sg-" + n, SecurityGroup(random, n)),
            < 45 => Bucket(random, n) with { Account = account },
            < 62 => Resource("AWS::EC2::Volume", "vol-" + n, $$"""{"VolumeId":"vol-{{n}}","Encrypted":{{Bool(80)}},"State":"in-use","Size":100}"""),
            < 82 => Resource("AWS::EC2::Instance", "i-" + n, $$"""{"InstanceId":"i-{{n}}","MetadataOptions":{"HttpTokens":"{{(Chance(60) ? "required" : "optional")}}","HttpEndpoint":"enabled"} }"""),
            < 88 => Resource("AWS::KMS::Key", "key-" + n, $$"""{"KeyId":"key-{{n}}","KeyManager":"{{(Chance(70) ? "CUSTOMER" : "AWS")}}","KeySpec":"SYMMETRIC_DEFAULT","KeyState":"Enabled"}""",
                ("KeyRotationStatus", $$"""{"KeyRotationEnabled":{{Bool(50)}}}""")),
            < 92 => Resource("AWS::RDS::DBInstance", "db-" + n, $$"""{"DBInstanceIdentifier":"db-{{n}}","StorageEncrypted":{{Bool(70)}},"PubliclyAccessible":{{Bool(10)}}}"""),
            < 95 => Resource("AWS::EFS::FileSystem", "fs-" + n, $$"""{"FileSystemId":"fs-{{n}}","Encrypted":{{Bool(80)}}}"""),
            < 97 => Resource(ResourceTypes.PasswordPolicy, "password-policy-" + n, $$"""{"MinimumPasswordLength":{{random.Next(6, 20)}},"PasswordReusePrevention":{{random.Next(0, 25)}}}"""),
            _ => Resource(ResourceTypes.EbsEncryptionByDefault, "ebs-default-" + n, $$"""{"EbsEncryptionByDefault":{{Bool(50)}}}"""),
        };
    }

    private static string SecurityGroup(Random random, string n)
    {
        string[] ports = ["22", "443", "80", "3389", "5432", "8080"];
        string[] v4 = ["0.0.0.0/0", "10.0.0.0/8", "203.0.113.0/24", "192.168.1.0/24"];
        var rules = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
        {
            var port = ports[random.Next(ports.Length)];
            var protocol = random.Next(10) == 0 ? "\"-1\"" : "\"tcp\"";
            var v6 = random.Next(5) == 0 ? """{"CidrIpv6":"::/0"}""" : "";
            return $$"""{"IpProtocol":{{protocol}},"FromPort":{{port}},"ToPort":{{port}},"IpRanges":[{"CidrIp":"{{v4[random.Next(v4.Length)]}}"}],"Ipv6Ranges":[{{v6}}],"UserIdGroupPairs":[],"PrefixListIds":[]}""";
        });
        var name = random.Next(10) == 0 ? "default" : "app-" + n;
        return $$"""{"GroupId":"sg-{{n}}","GroupName":"{{name}}","VpcId":"vpc-1","IpPermissions":[{{string.Join(',', rules)}}],"IpPermissionsEgress":[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]}""";
    }

    private static CloudResource Bucket(Random random, string n)
    {
        var name = "bucket-" + n;
        var on = random.Next(10) < 7 ? "true" : "false";
        var supplementary = new List<(string, string)>
        {
            ("PublicAccessBlockConfiguration", $$"""{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":{{on}},"RestrictPublicBuckets":{{on}}}"""),
            ("BucketVersioning", random.Next(2) == 0 ? """{"Status":"Enabled","MFADelete":"Disabled"}""" : "{}"),
            ("BucketLogging", random.Next(2) == 0 ? """{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"x/"}}""" : "{}"),
        };
        if (random.Next(10) < 8)
            supplementary.Add(("ServerSideEncryptionConfiguration", """{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BucketKeyEnabled":false}]}"""));
        var statements = new List<string>();
        if (random.Next(2) == 0)
            statements.Add($$"""{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{name}}","arn:aws:s3:::{{name}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"} } }""");
        if (random.Next(5) == 0)
            statements.Add($$"""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{name}}/*"}""");
        if (random.Next(3) == 0)
            statements.Add($$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:role/Reader"},"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::{{name}}","arn:aws:s3:::{{name}}/*"]}""");
        if (statements.Count > 0)
            supplementary.Add(("BucketPolicy", JsonSerializer.Serialize(new { Policy = $$"""{"Version":"2012-10-17","Statement":[{{string.Join(',', statements)}}]}""" })));
        return Resource("111122223333", "AWS::S3::Bucket", name, $$"""{"Name":"{{name}}","CreationDate":"2024-01-01T00:00:00Z"}""", [.. supplementary]) with { Key = "arn:aws:s3:::" + name };
    }

    private static CloudResource Resource(string account, string type, string id, string configuration, params (string Name, string Json)[] supplementary) => new()
    {
        Key = $"arn:aws:generated:us-east-1:{account}:{type}/{id}",
        Type = type,
        Account = account,
        Region = "us-east-1",
        Id = id,
        Configuration = Parse(configuration),
        Supplementary = supplementary.ToImmutableSortedDictionary(static s => s.Name, static s => Parse(s.Json), StringComparer.Ordinal),
        Provenance = new ResourceProvenance("generated", "benchmark", null),
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
