using Rampart.GameDays.Telemetry.Attacks;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>
/// Spreads the baseline over accounts, regions and five-minute delivery windows (busier accounts, the home
/// region and office hours get more), splits it into files, and assigns attack records to the files that
/// cover their time.
/// </summary>
internal static class Planner
{
    /// <summary>AWS delivers CloudTrail, flow and Resolver logs about every five minutes.</summary>
    public const int WindowSeconds = 300;

    /// <summary>CloudTrail files hold a few hundred records; busier windows get more files.</summary>
    public const int CloudTrailRecordsPerFile = 500;

    public const int FlowRecordsPerFile = 5000;

    public const int DnsRecordsPerFile = 3000;

    /// <summary>Flow rows per baseline CloudTrail record.</summary>
    public const double FlowPerCloudTrail = 2.0;

    /// <summary>Resolver queries per baseline CloudTrail record.</summary>
    public const double DnsPerCloudTrail = 1.0;

    public static List<FilePlan> Plan(Organization organization, ulong seed, long start, long end, TelemetrySources sources, long baselineRecords, IReadOnlyList<Injection> injections)
    {
        var windows = (int)((end - start + WindowSeconds - 1) / WindowSeconds);
        var accounts = organization.Accounts;
        var regionCount = organization.Regions.Length;
        var byFile = new Dictionary<(SourceKind, int, int, int, int), List<Injection>>();
        foreach (var injection in injections)
        {
            var window = (int)Math.Clamp((injection.Time - start) / WindowSeconds, 0, windows - 1);
            var key = (Kind(injection.SourceType), injection.AccountIndex, injection.RegionIndex, injection.VpcIndex, window);
            if (!byFile.TryGetValue(key, out var list))
                byFile[key] = list = [];
            list.Add(injection);
        }

        var total = 0.0;
        for (var w = 0; w < windows; w++)
        {
            for (var a = 0; a < accounts.Length; a++)
            {
                for (var r = 0; r < regionCount; r++)
                    total += Weight(organization, seed, start, end, w, a, r);
            }
        }

        var primary = sources.HasFlag(TelemetrySources.CloudTrail) ? SourceKind.CloudTrail
            : sources.HasFlag(TelemetrySources.VpcFlow) ? SourceKind.VpcFlow
            : SourceKind.Route53Resolver;
        var plans = new List<FilePlan>();
        var cumulative = 0.0;
        long assigned = 0;
        for (var w = 0; w < windows; w++)
        {
            var windowStart = start + ((long)w * WindowSeconds);
            var windowEnd = Math.Min(windowStart + WindowSeconds, end);
            for (var a = 0; a < accounts.Length; a++)
            {
                var account = accounts[a];
                for (var r = 0; r < regionCount; r++)
                {
                    cumulative += Weight(organization, seed, start, end, w, a, r);
                    var target = (long)Math.Floor(baselineRecords * Math.Min(1.0, cumulative / total));
                    if (w == windows - 1 && a == accounts.Length - 1 && r == regionCount - 1)
                        target = baselineRecords;
                    var cell = target - assigned;
                    assigned = target;
                    var region = account.Regions[r];
                    var firstOfCell = plans.Count;
                    var cellIndex = (ulong)((((long)w * accounts.Length) + a) * regionCount + r);
                    if (sources.HasFlag(TelemetrySources.CloudTrail))
                        AddFiles(plans, byFile, SourceKind.CloudTrail, cell, CloudTrailRecordsPerFile, seed, cellIndex, w, windowStart, windowEnd, account, region, 0);
                    foreach (var vpc in region.Vpcs)
                    {
                        if (sources.HasFlag(TelemetrySources.VpcFlow))
                            AddFiles(plans, byFile, SourceKind.VpcFlow, (long)Math.Round(cell * FlowPerCloudTrail * vpc.Weight), FlowRecordsPerFile, seed, cellIndex, w, windowStart, windowEnd, account, region, vpc.Index);
                        if (sources.HasFlag(TelemetrySources.Route53Resolver))
                            AddFiles(plans, byFile, SourceKind.Route53Resolver, (long)Math.Round(cell * DnsPerCloudTrail * vpc.Weight), DnsRecordsPerFile, seed, cellIndex, w, windowStart, windowEnd, account, region, vpc.Index);
                    }

                    // Progress in record mode counts the activity level, carried by the primary source's first file.
                    for (var i = firstOfCell; i < plans.Count; i++)
                    {
                        if (plans[i].Source == primary)
                        {
                            plans[i].ProgressUnits = cell;
                            break;
                        }
                    }
                }
            }
        }

        return plans;
    }

    public static SourceKind Kind(string sourceType) => sourceType switch
    {
        Rampart.Core.Events.LogSourceTypes.CloudTrail => SourceKind.CloudTrail,
        Rampart.Core.Events.LogSourceTypes.VpcFlow => SourceKind.VpcFlow,
        _ => SourceKind.Route53Resolver,
    };

    /// <summary>How busy a cell is: account size, region, office hours and weekdays, with some noise.</summary>
    public static double Weight(Organization organization, ulong seed, long start, long end, int window, int accountIndex, int regionIndex)
    {
        var windowStart = start + ((long)window * WindowSeconds);
        var length = Math.Min(WindowSeconds, end - windowStart);
        var time = DateTime.UnixEpoch.AddSeconds(windowStart);
        var hour = time.Hour + (time.Minute / 60.0);
        var distance = Math.Abs(hour - 14.0);
        distance = Math.Min(distance, 24 - distance);
        var diurnal = 0.3 + (0.7 * Math.Exp(-(distance * distance) / 32.0));
        if (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            diurnal *= 0.45;
        var jitter = 0.8 + (0.4 * (DeterministicRandom.Derive(seed, 0xCE11, (ulong)window, (ulong)accountIndex, (ulong)regionIndex) >> 11) / (double)(1UL << 53));
        var account = organization.Accounts[accountIndex];
        return account.Weight * account.Regions[regionIndex].Weight * diurnal * jitter * length / WindowSeconds;
    }

    private static void AddFiles(
        List<FilePlan> plans,
        Dictionary<(SourceKind, int, int, int, int), List<Injection>> byFile,
        SourceKind source,
        long records,
        int perFile,
        ulong seed,
        ulong cellIndex,
        int window,
        long windowStart,
        long windowEnd,
        Account account,
        RegionEstate region,
        int vpcIndex)
    {
        byFile.TryGetValue((source, account.Index, region.Index, vpcIndex, window), out var injected);
        var files = records == 0 ? (injected is null ? 0 : 1) : (int)((records + perFile - 1) / perFile);
        for (var part = 0; part < files; part++)
        {
            var count = (int)((records * (part + 1) / files) - (records * part / files));
            var fileSeed = DeterministicRandom.Derive(seed, (ulong)source + 1, cellIndex, (ulong)vpcIndex, (ulong)part);
            var naming = new DeterministicRandom(fileSeed ^ 0x4E414D45);
            var vpc = region.Vpcs[vpcIndex];
            var path = source switch
            {
                SourceKind.CloudTrail => FileNames.CloudTrail(account.Id, region.Name, windowStart + WindowSeconds, naming),
                SourceKind.VpcFlow => FileNames.VpcFlow(account.Id, region.Name, vpc.FlowLogId, windowStart + WindowSeconds, naming),
                _ => FileNames.Route53Resolver(account.Id, vpc.Id, windowStart + WindowSeconds, naming),
            };
            var plan = new FilePlan
            {
                Source = source,
                AccountIndex = account.Index,
                RegionIndex = region.Index,
                VpcIndex = vpcIndex,
                WindowStart = windowStart,
                WindowEnd = windowEnd,
                BaselineRecords = count,
                Seed = fileSeed,
                RelativePath = path,
            };
            if (part == 0 && injected is not null)
                plan.Injections.AddRange(injected.OrderBy(injection => injection.Time).ThenBy(injection => injection.AttackIndex).ThenBy(injection => injection.Ordinal));
            plans.Add(plan);
        }
    }
}
