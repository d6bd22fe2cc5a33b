using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Route53;

/// <summary>Baseline lookups from a VPC: AWS endpoints, internal names, reverse lookups, SaaS, and the odd typo.</summary>
internal sealed class DnsTraffic
{
    private static readonly string[] AwsEndpoints = ["sts", "s3", "dynamodb", "kms", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "logs", "monitoring", "sqs", "ecr", "api.ecr", "lambda", "events"];

    private readonly string[] _awsNames;
    private readonly string[] _awsAliases;
    private readonly string[] _databaseNames;
    private readonly string[] _addressPool;

    public DnsTraffic(DeterministicRandom random, RegionEstate region)
    {
        _awsNames = AwsEndpoints.Select(service => service + "." + region.Name + ".amazonaws.com.").ToArray();
        _awsAliases = AwsEndpoints.Select(service => service + "-r-w." + region.Name + ".amazonaws.com.").ToArray();
        var cluster = TextIds.Hex(random, 12);
        _databaseNames = region.DbInstanceIds.Select(db => db + "." + cluster + "." + region.Name + ".rds.amazonaws.com.").ToArray();
        _addressPool = Enumerable.Range(0, 64).Select(_ => IpAddresses.Format(IpAddresses.Public(random, IpAddresses.AwsOctets))).ToArray();
    }

    /// <summary>Fills <paramref name="query"/> with one baseline lookup at <paramref name="time"/>.</summary>
    public void Next(DeterministicRandom random, Vpc vpc, long time, ref DnsQuery query)
    {
        query = default;
        query.Time = time;
        query.Source = PickSource(random, vpc);
        query.SourcePort = random.Next(1024, 65535);
        query.Tcp = random.Chance(0.02);
        query.Type = "A";
        query.ResponseCode = "NOERROR";
        var roll = random.NextDouble();
        if (roll < 0.45)
        {
            var service = random.Next(_awsNames.Length);
            query.Name = _awsNames[service];
            if (random.Chance(0.15))
            {
                query.Type = "AAAA";
                return;
            }

            if (random.Chance(0.3))
                query.AddAnswer(new DnsAnswer(_awsAliases[service], "CNAME"));
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
                query.AddAnswer(new DnsAnswer(random.Pick(_addressPool), "A"));
            return;
        }

        if (roll < 0.62)
        {
            // Instances resolving each other by their EC2 names.
            var target = random.Pick(vpc.Interfaces);
            query.Name = "ip-" + target.PrivateIpText.Replace('.', '-') + "." + vpc.InternalDomain + ".";
            query.AddAnswer(new DnsAnswer(target.PrivateIpText, "A"));
            return;
        }

        if (roll < 0.7)
        {
            var target = random.Pick(vpc.Interfaces);
            var ip = target.PrivateIp;
            query.Name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ip & 0xFF}.{(ip >> 8) & 0xFF}.{(ip >> 16) & 0xFF}.{ip >> 24}.in-addr.arpa.");
            query.Type = "PTR";
            query.AddAnswer(new DnsAnswer("ip-" + target.PrivateIpText.Replace('.', '-') + "." + vpc.InternalDomain + ".", "PTR"));
            return;
        }

        if (roll < 0.76 && _databaseNames.Length > 0)
        {
            query.Name = random.Pick(_databaseNames);
            query.AddAnswer(new DnsAnswer(random.Pick(vpc.Interfaces).PrivateIpText, "A"));
            return;
        }

        if (roll < 0.97)
        {
            query.Name = random.Pick(Names.ExternalHosts);
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
                query.AddAnswer(new DnsAnswer(IpAddresses.Format(IpAddresses.Public(random, IpAddresses.IspOctets)), "A"));
            return;
        }

        // The search domain appended to an external name: a harmless NXDOMAIN every resolver log shows.
        query.Name = random.Pick(Names.ExternalHosts) + vpc.InternalDomain + ".";
        query.ResponseCode = "NXDOMAIN";
    }

    public static NetworkInterface PickSource(DeterministicRandom random, Vpc vpc)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = random.Pick(vpc.Interfaces);
            if (candidate.Role is EniRole.Web or EniRole.App or EniRole.Lambda or EniRole.Bastion)
                return candidate;
        }

        return vpc.Interfaces[0];
    }
}
