using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Rampart.Core.Events;
using Rampart.GameDays.Telemetry.Attacks;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Route53;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>Runs one generation: estate, attacks, plan, files (in parallel when asked), manifest.</summary>
internal sealed class GenerationRun
{
    /// <summary>About this many CloudTrail records are generated in memory to learn the compression ratio for a byte target.</summary>
    private const int CalibrationRecords = 2000;

    private readonly TelemetryOptions _options;
    private readonly ulong _seed;
    private readonly long _start;
    private readonly long _end;
    private readonly Organization _organization;
    private readonly DnsTraffic[][] _dns;

    public GenerationRun(TelemetryOptions options)
    {
        _options = options;
        _seed = unchecked((ulong)options.Seed);
        _start = options.Start.ToUniversalTime().ToUnixTimeSeconds();
        _end = _start + (long)options.Duration.TotalSeconds;
        _organization = OrganizationBuilder.Build(_seed, options.Accounts, options.Regions);
        _dns = _organization.Accounts
            .Select(account => account.Regions
                .Select(region => new DnsTraffic(new DeterministicRandom(DeterministicRandom.Derive(_seed, 0xD45, (ulong)account.Index, (ulong)region.Index)), region))
                .ToArray())
            .ToArray();
    }

    public TelemetryManifest Execute(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var attacks = _options.IncludeAttacks ? AttackPlanner.Plan(_organization, _seed, _start, _end, _options.Sources) : [];
        var baseline = _options.Size.Unit == TelemetrySizeUnit.Records ? _options.Size.Value : BaselineForBytes(_options.Size.Value);
        var plans = Planner.Plan(_organization, _seed, _start, _end, _options.Sources, baseline, attacks.SelectMany(attack => attack.Injections).ToList());
        var output = Path.GetFullPath(_options.OutputDirectory);
        Directory.CreateDirectory(output);

        var files = new TelemetryFile[plans.Count];
        var uncompressed = new long[plans.Count];
        var placements = attacks.Select(attack => new InjectedRecord[attack.Injections.Count]).ToArray();
        var directories = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var countBytes = _options.Size.Unit == TelemetrySizeUnit.CompressedBytes;
        long done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            WriteFiles();
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            // A full disk or a read-only folder should reach the host as the IOException it is; parallel
            // writers hit the same wall, so the first of their errors stands for all.
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }

        void WriteFiles() => Parallel.For(
            0,
            plans.Count,
            parallel,
            () => new FileWorker(_organization, _dns),
            (index, _, worker) =>
            {
                var plan = plans[index];
                var content = worker.Build(plan, (injection, position) => placements[injection.AttackIndex][injection.Ordinal] = Placement(plan, injection, position), out var records);
                var path = Path.Combine(output, plan.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                var directory = Path.GetDirectoryName(path)!;
                // The value is added only after the factory has created the folder, so no writer sees it early.
                directories.GetOrAdd(directory, static folder => Directory.CreateDirectory(folder).Exists);
                long compressed;
                using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    FileWorker.Compress(content.Span, stream);
                    compressed = stream.Length;
                }

                files[index] = new TelemetryFile(plan.RelativePath, SourceType(plan.Source), records, compressed);
                uncompressed[index] = content.Length;
                var total = Interlocked.Add(ref done, countBytes ? compressed : plan.ProgressUnits);
                progress?.Report(total);
                return worker;
            },
            worker => worker.Dispose());

        var manifest = new TelemetryManifest(
            output,
            _options.Seed,
            DateTimeOffset.FromUnixTimeSeconds(_start),
            DateTimeOffset.FromUnixTimeSeconds(_end),
            [.. _organization.Accounts.Select(account => account.Id)],
            [.. _organization.Regions],
            Totals(plans, files, uncompressed),
            [.. files],
            [.. attacks.Select((attack, index) => Describe(attack, placements[index]))]);
        ManifestJson.Write(manifest, Path.Combine(output, TelemetryManifest.FileName));
        return manifest;
    }

    /// <summary>
    /// Finds the CloudTrail record count whose files add up to about <paramref name="targetBytes"/>, by
    /// compressing samples in memory. Small targets mean small files whose gzip overhead weighs more, so the
    /// sample file size follows the estimate for a few rounds.
    /// </summary>
    private long BaselineForBytes(long targetBytes)
    {
        var cells = Math.Max(1L, (_end - _start + Planner.WindowSeconds - 1) / Planner.WindowSeconds * _organization.Accounts.Length * _organization.Regions.Length);
        var perFile = Planner.CloudTrailRecordsPerFile;
        long baseline = 1;
        for (var round = 0; round < 3; round++)
        {
            var bytesPerRecord = SampleBytesPerRecord(perFile);
            baseline = Math.Max(1, (long)Math.Round(targetBytes / bytesPerRecord));
            perFile = (int)Math.Clamp(baseline / cells, 1, Planner.CloudTrailRecordsPerFile);
        }

        return baseline;
    }

    private double SampleBytesPerRecord(int perFile)
    {
        using var worker = new FileWorker(_organization, _dns);
        var account = _organization.Accounts[0];
        var region = account.Regions[_organization.HomeRegionIndex];
        var files = Math.Clamp(CalibrationRecords / perFile, 1, 200);
        var window = _start + (Planner.WindowSeconds * 144L);
        var counter = new CountingStream();
        for (var f = 0; f < files; f++)
        {
            if (_options.Sources.HasFlag(TelemetrySources.CloudTrail))
                Sample(worker, counter, SourceKind.CloudTrail, account, region, 0, perFile, window, f);
            foreach (var vpc in region.Vpcs)
            {
                if (_options.Sources.HasFlag(TelemetrySources.VpcFlow))
                    Sample(worker, counter, SourceKind.VpcFlow, account, region, vpc.Index, (int)Math.Round(perFile * Planner.FlowPerCloudTrail * vpc.Weight), window, f);
                if (_options.Sources.HasFlag(TelemetrySources.Route53Resolver))
                    Sample(worker, counter, SourceKind.Route53Resolver, account, region, vpc.Index, (int)Math.Round(perFile * Planner.DnsPerCloudTrail * vpc.Weight), window, f);
            }
        }

        return counter.Count / (double)(files * perFile);
    }

    private void Sample(FileWorker worker, CountingStream counter, SourceKind source, Account account, RegionEstate region, int vpc, int records, long window, int part)
    {
        if (records <= 0)
            return;
        var plan = new FilePlan
        {
            Source = source,
            AccountIndex = account.Index,
            RegionIndex = region.Index,
            VpcIndex = vpc,
            WindowStart = window,
            WindowEnd = window + Planner.WindowSeconds,
            BaselineRecords = records,
            Seed = DeterministicRandom.Derive(_seed, 0xCA11B, (ulong)source, (ulong)vpc, (ulong)part),
            RelativePath = "",
        };
        var content = worker.Build(plan, static (_, _) => { }, out _);
        FileWorker.Compress(content.Span, counter);
    }

    private static InjectedRecord Placement(FilePlan plan, Injection injection, int position) =>
        new(plan.RelativePath, position, DateTimeOffset.FromUnixTimeSeconds(injection.Time), injection.EventId, injection.Summary);

    private static InjectedAttack Describe(PlannedAttack attack, InjectedRecord[] records)
    {
        var scenario = attack.Scenario;
        return new InjectedAttack(
            scenario.Name,
            scenario.Description,
            scenario.TechniqueId,
            scenario.TechniqueName,
            records[0].Time,
            attack.Account.Id,
            scenario.Global ? attack.Account.Regions[attack.Injections[0].RegionIndex].Name : attack.Region.Name,
            scenario.SourceType,
            attack.Actor,
            [.. records],
            [.. scenario.ExpectedRules])
        {
            AttackerAddresses = [.. attack.Injections.Select(AttackerAddress).OfType<string>().Distinct(StringComparer.Ordinal)],
        };
    }

    // The outside address an injected record comes from, when it has one: what a threat feed would list.
    private static string? AttackerAddress(Injection injection)
    {
        var address = injection switch
        {
            CloudTrailInjection call => call.SourceIp,
            FlowInjection flow when flow.Row.Ingress => IpAddresses.Format(flow.Row.Source),
            _ => null,
        };
        return address is not null && System.Net.IPAddress.TryParse(address, out var ip) && !IsPrivate(ip) ? address : null;
    }

    private static bool IsPrivate(System.Net.IPAddress ip)
    {
        var bytes = ip.GetAddressBytes();
        return bytes.Length == 4 && (bytes[0] == 10 || (bytes[0] == 172 && (bytes[1] & 0xF0) == 16) || (bytes[0] == 192 && bytes[1] == 168) || bytes[0] == 127);
    }

    private ImmutableArray<SourceTotals> Totals(List<FilePlan> plans, TelemetryFile[] files, long[] uncompressed)
    {
        var totals = ImmutableArray.CreateBuilder<SourceTotals>();
        foreach (var (kind, flag) in new[] { (SourceKind.CloudTrail, TelemetrySources.CloudTrail), (SourceKind.VpcFlow, TelemetrySources.VpcFlow), (SourceKind.Route53Resolver, TelemetrySources.Route53Resolver) })
        {
            if (!_options.Sources.HasFlag(flag))
                continue;
            long count = 0, records = 0, bytes = 0, raw = 0;
            for (var i = 0; i < plans.Count; i++)
            {
                if (plans[i].Source != kind)
                    continue;
                count++;
                records += files[i].Records;
                bytes += files[i].CompressedBytes;
                raw += uncompressed[i];
            }

            totals.Add(new SourceTotals(SourceType(kind), count, records, bytes, raw));
        }

        return totals.ToImmutable();
    }

    private static string SourceType(SourceKind kind) => kind switch
    {
        SourceKind.CloudTrail => LogSourceTypes.CloudTrail,
        SourceKind.VpcFlow => LogSourceTypes.VpcFlow,
        _ => LogSourceTypes.Route53Resolver,
    };
}
