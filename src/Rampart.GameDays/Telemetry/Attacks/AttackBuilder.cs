using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;
using Rampart.GameDays.Telemetry.Route53;
using Rampart.GameDays.Telemetry.VpcFlow;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>Collects the records of one attack placed at a time, in an account and region.</summary>
internal sealed class AttackBuilder(Organization organization, Account account, RegionEstate region, long start, long end, DeterministicRandom random)
{
    /// <summary>The attacker's own tools: a CLI on a pentest distribution.</summary>
    public static readonly UserAgent AttackerCli = new(UserAgentFamily.AwsCliV2, "aws-cli/2.15.19 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off");

    public static readonly UserAgent AttackerBoto = new(UserAgentFamily.Boto3, "Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.6.9-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34");

    public static readonly UserAgent AttackerBrowser = new(UserAgentFamily.Browser, "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0");

    public List<Injection> Injections { get; } = [];

    public Organization Organization { get; } = organization;

    public Account Account { get; } = account;

    public RegionEstate Region { get; } = region;

    public DeterministicRandom Random { get; } = random;

    public long Start { get; } = start;

    /// <summary>The end of the generated period; a long attack in a short period is squeezed before it.</summary>
    public long End { get; } = end;

    private long At(int offsetSeconds) => Math.Min(Start + offsetSeconds, End - 1);

    /// <summary>The attacker's address for this attack.</summary>
    public uint AttackerIp { get; } = organization.AttackerIpValues[random.Next(organization.AttackerIpValues.Length)];

    public string AttackerIpText => IpAddresses.Format(AttackerIp);

    /// <summary>The principal whose credentials the attacker stole: an automation user's long-term key, the usual leak.</summary>
    public Principal StolenKeyUser { get; } = account.AutomationUsers.Count > 0 ? account.AutomationUsers[random.Next(account.AutomationUsers.Count)] : account.HumanUsers[0];

    public Principal HumanUser => Account.HumanUsers[0];

    public void CloudTrail(
        int offsetSeconds,
        CloudTrailApi api,
        Principal principal,
        UserAgent agent,
        string? sourceIp = null,
        string resource = "",
        string detail = "",
        string bucket = "",
        ApiError? error = null)
    {
        var regionIndex = api.Global ? Organization.HomeRegionIndex : Region.Index;
        Injections.Add(new CloudTrailInjection
        {
            Time = At(offsetSeconds),
            AccountIndex = Account.Index,
            RegionIndex = regionIndex,
            Api = api,
            Principal = principal,
            SourceIp = sourceIp ?? AttackerIpText,
            Agent = agent,
            AwsRegion = api.Global ? "us-east-1" : Region.Name,
            Id = TextIds.Uuid(Random),
            Error = error,
            Resource = resource,
            Detail = detail,
            Bucket = bucket,
            Summary = api.EventSource + " " + api.EventName + (error is null ? "" : " (" + (error.Code.Length > 0 ? error.Code : error.Message) + ")"),
        });
    }

    public void Flow(int offsetSeconds, int vpcIndex, FlowRecord row)
    {
        var time = At(offsetSeconds);
        row.End = time;
        row.Start = time - Random.Next(1, 30);
        Injections.Add(new FlowInjection
        {
            Time = time,
            AccountIndex = Account.Index,
            RegionIndex = Region.Index,
            VpcIndex = vpcIndex,
            Row = row,
            Summary = IpAddresses.Format(row.Source) + ":" + row.SourcePort.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " -> " + IpAddresses.Format(row.Destination) + ":" + row.DestinationPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (row.Accept ? " ACCEPT" : " REJECT"),
        });
    }

    public void Dns(int offsetSeconds, int vpcIndex, DnsQuery query)
    {
        query.Time = At(offsetSeconds);
        Injections.Add(new DnsInjection
        {
            Time = query.Time,
            AccountIndex = Account.Index,
            RegionIndex = Region.Index,
            VpcIndex = vpcIndex,
            Query = query,
            Summary = query.Name + " " + query.Type + " " + query.ResponseCode,
        });
    }
}
