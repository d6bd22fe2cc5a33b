using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.VpcFlow;

/// <summary>The baseline traffic of a VPC: web clients, east-west calls, calls to AWS, internet noise, idle interfaces.</summary>
internal static class FlowTraffic
{
    private static readonly int[] NoisePorts = [22, 23, 445, 3389, 8080, 5900, 1433, 3306, 6379, 9200, 2375, 5432, 81, 8443];
    private static readonly string[] AwsServices = ["AMAZON", "S3", "DYNAMODB", "EC2", "AMAZON"];

    /// <summary>Fills <paramref name="row"/> with one baseline flow ending near <paramref name="time"/>.</summary>
    public static void Next(DeterministicRandom random, Vpc vpc, uint[] clientIps, long time, ref FlowRecord row)
    {
        row = default;
        row.Status = FlowStatus.Ok;
        row.Accept = true;
        row.Protocol = 6;
        row.Start = time - random.Next(1, 60);
        row.End = time;
        var roll = random.NextDouble();
        if (roll < 0.008)
        {
            row.Interface = random.Pick(vpc.Interfaces);
            row.Status = random.Chance(0.9) ? FlowStatus.NoData : FlowStatus.SkipData;
            row.Start = time - 60;
            return;
        }

        // Internal VPCs have no balancer or bastion: their share goes to calls out through the NAT gateway.
        var lb = Find(random, vpc, EniRole.LoadBalancer);
        if (roll < 0.26 && lb is not null)
        {
            // A web client to a load balancer, seen on the balancer's interface in both directions.
            var client = random.Chance(0.6) ? random.Pick(clientIps) : IpAddresses.Public(random, IpAddresses.IspOctets);
            var ephemeral = random.Next(32768, 61000);
            var packets = (long)random.Skewed(12, 0.8) + 3;
            row.Interface = lb;
            if (random.Chance(0.5))
                Set(ref row, client, lb.PrivateIp, ephemeral, 443, packets, packets * random.Next(90, 700), ingress: true, flags: 19);
            else
                Set(ref row, lb.PrivateIp, client, 443, ephemeral, packets, packets * random.Next(300, 1400), ingress: false, flags: 19, path: 8);
            return;
        }

        if (roll is >= 0.26 and < 0.5)
        {
            // East-west: web or app tier to a database or cache.
            var from = Find(random, vpc, random.Chance(0.5) ? EniRole.Web : EniRole.App) ?? Find(random, vpc, EniRole.App) ?? vpc.Interfaces[0];
            var to = Find(random, vpc, random.Chance(0.6) ? EniRole.Database : EniRole.Cache) ?? Find(random, vpc, EniRole.Database) ?? vpc.Interfaces[^1];
            var port = to.Role == EniRole.Cache ? 6379 : (random.Chance(0.7) ? 5432 : 3306);
            var packets = (long)random.Skewed(20, 0.9) + 2;
            var ephemeral = random.Next(32768, 61000);
            var onServer = random.Chance(0.5);
            row.Interface = onServer ? to : from;
            Set(ref row, from.PrivateIp, to.PrivateIp, ephemeral, port, packets, packets * random.Next(80, 900), ingress: onServer, flags: 19, path: onServer ? 0 : 1);
            return;
        }

        var bastion = Find(random, vpc, EniRole.Bastion);
        if (roll < 0.85 || (roll < 0.9 && bastion is null))
        {
            // Calls to AWS APIs and to SaaS over HTTPS, through the NAT gateway or a public address.
            var from = Find(random, vpc, random.Chance(0.3) ? EniRole.Lambda : EniRole.App) ?? Find(random, vpc, EniRole.App) ?? vpc.Interfaces[0];
            var aws = random.Chance(0.75);
            var destination = IpAddresses.Public(random, aws ? IpAddresses.AwsOctets : IpAddresses.IspOctets);
            var packets = (long)random.Skewed(15, 1.0) + 3;
            var ephemeral = random.Next(32768, 61000);
            row.Interface = from;
            if (random.Chance(0.55))
                Set(ref row, from.PrivateIp, destination, ephemeral, 443, packets, packets * random.Next(100, 900), ingress: false, flags: 19, path: 8);
            else
                Set(ref row, destination, from.PrivateIp, 443, ephemeral, packets, packets * random.Next(200, 1400), ingress: true, flags: 19);
            if (aws)
                row.AwsService = random.Pick(AwsServices);
            return;
        }

        if (roll < 0.9)
        {
            // Administrators on the bastion.
            var packets = (long)random.Skewed(40, 1.0) + 5;
            row.Interface = bastion!;
            Set(ref row, random.Pick(clientIps), bastion!.PrivateIp, random.Next(49152, 65535), 22, packets, packets * random.Next(60, 300), ingress: true, flags: 19);
            return;
        }

        if (roll < 0.93)
        {
            // Health checks and path MTU discovery: ICMP inside the VPC.
            var first = random.Next(vpc.Interfaces.Length);
            var from = vpc.Interfaces[first];
            var to = vpc.Interfaces[(first + 1 + random.Next(vpc.Interfaces.Length - 1)) % vpc.Interfaces.Length];
            row.Interface = to;
            Set(ref row, from.PrivateIp, to.PrivateIp, 0, 0, 1 + random.Next(4), 84L * (1 + random.Next(4)), ingress: true, flags: 0);
            row.Protocol = 1;
            return;
        }

        // Internet background radiation: single probes to exposed interfaces, rejected.
        var exposed = Find(random, vpc, random.Chance(0.5) ? EniRole.Web : EniRole.Bastion) ?? Find(random, vpc, EniRole.NatGateway) ?? vpc.Interfaces[0];
        row.Interface = exposed;
        var udp = random.Chance(0.15);
        Set(ref row, IpAddresses.Public(random, IpAddresses.HostingOctets), exposed.PrivateIp, random.Next(1024, 65535), udp ? 1900 : random.Pick(NoisePorts), 1, udp ? 120 : 40 + (4 * random.Next(6)), ingress: true, flags: 2);
        row.Protocol = udp ? 17 : 6;
        row.Accept = false;
    }

    public static void Set(ref FlowRecord row, uint source, uint destination, int sourcePort, int destinationPort, long packets, long bytes, bool ingress, int flags, int path = 0)
    {
        row.Source = source;
        row.Destination = destination;
        row.SourcePort = sourcePort;
        row.DestinationPort = destinationPort;
        row.Packets = packets;
        row.Bytes = bytes;
        row.Ingress = ingress;
        row.TcpFlags = flags;
        row.TrafficPath = ingress ? 0 : path;
    }

    private static NetworkInterface? Find(DeterministicRandom random, Vpc vpc, EniRole role)
    {
        var interfaces = vpc.Interfaces;
        var start = random.Next(interfaces.Length);
        for (var i = 0; i < interfaces.Length; i++)
        {
            var candidate = interfaces[(start + i) % interfaces.Length];
            if (candidate.Role == role)
                return candidate;
        }

        return null;
    }
}
