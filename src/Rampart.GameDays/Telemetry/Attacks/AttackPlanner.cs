using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>Places each attack of the catalogue at a random time, mostly in the busiest (production) account.</summary>
internal static class AttackPlanner
{
    public static List<PlannedAttack> Plan(Organization organization, ulong seed, long start, long end, TelemetrySources sources)
    {
        var random = new DeterministicRandom(DeterministicRandom.Derive(seed, 0xA77AC4));
        var planned = new List<(PlannedAttack Attack, int Order)>();
        var scenarios = AttackCatalog.All;
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            // Draw for every scenario, selected or not, so choosing sources never moves the other attacks.
            var account = organization.Accounts[random.Chance(0.6) ? 0 : random.Next(organization.Accounts.Length)];
            var regionIndex = scenario.Global ? organization.HomeRegionIndex : random.Next(organization.Regions.Length);
            var span = (long)scenario.Span.TotalSeconds;
            var earliest = start + ((end - start) / 20);
            var latest = end - span - 60;
            if (latest <= earliest)
            {
                earliest = start;
                latest = Math.Max(start, end - span - 1);
            }

            var at = earliest + random.NextInt64(latest - earliest + 1);
            if (!scenario.Needs(sources))
                continue;
            var region = account.Regions[regionIndex];
            var builder = new AttackBuilder(organization, account, region, at, end, new DeterministicRandom(DeterministicRandom.Derive(seed, 0xA77AC4, (ulong)i + 1)));
            scenario.Build(builder);
            var injections = builder.Injections.OrderBy(injection => injection.Time).ToList();
            planned.Add((new PlannedAttack(scenario, account, region, injections, Actor(injections[0])), i));
        }

        var ordered = planned.OrderBy(p => p.Attack.Injections[0].Time).ThenBy(p => p.Order).Select(p => p.Attack).ToList();
        for (var a = 0; a < ordered.Count; a++)
        {
            var injections = ordered[a].Injections;
            for (var r = 0; r < injections.Count; r++)
            {
                injections[r].AttackIndex = a;
                injections[r].Ordinal = r;
            }
        }

        return ordered;
    }

    private static string Actor(Injection first) => first switch
    {
        CloudTrailInjection call => call.Principal.Arn.Length > 0 ? call.Principal.Arn : call.Principal.PrincipalId,
        FlowInjection flow => IpAddresses.Format(flow.Row.Source),
        DnsInjection dns => dns.Query.Source.InstanceId ?? dns.Query.Source.PrivateIpText,
        _ => "",
    };
}
