using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.GameDays.Telemetry.Attacks;
using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Route53;
using Rampart.GameDays.Telemetry.VpcFlow;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>
/// Writes planned files one at a time. Each worker owns its buffer, JSON writer and record context, so a
/// file is built in memory without allocation per record and compressed in one pass. A file depends only on
/// its plan, never on which worker writes it or when.
/// </summary>
internal sealed class FileWorker : IDisposable
{
    /// <summary>A service event (key rotation) stands in for about one baseline record in this many.</summary>
    private const int ServiceEventRarity = 25_000;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // CloudTrail writes '+', '<' and '&' as they are; the default encoder would escape them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Organization _organization;
    private readonly DnsTraffic[][] _dns;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly Utf8JsonWriter _json;
    private readonly CloudTrailContext _context;
    private long[] _times = new long[1024];

    public FileWorker(Organization organization, DnsTraffic[][] dns)
    {
        _organization = organization;
        _dns = dns;
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
        _context = new CloudTrailContext(organization);
    }

    /// <summary>Writes the file of <paramref name="plan"/> into memory and returns its bytes; records are counted in <paramref name="placed"/>.</summary>
    public ReadOnlyMemory<byte> Build(FilePlan plan, Action<Injection, int> placed, out long records)
    {
        _buffer.ResetWrittenCount();
        var random = new DeterministicRandom(plan.Seed);
        var times = Times(random, plan.BaselineRecords, plan.WindowStart, plan.WindowEnd);
        records = plan.Source switch
        {
            SourceKind.CloudTrail => WriteCloudTrail(plan, random, times, placed),
            SourceKind.VpcFlow => WriteFlows(plan, random, times, placed),
            _ => WriteDns(plan, random, times, placed),
        };
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _json.Dispose();

    /// <summary>Compresses <paramref name="content"/> into <paramref name="destination"/>.</summary>
    public static void Compress(ReadOnlySpan<byte> content, Stream destination)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        gzip.Write(content);
    }

    private ReadOnlySpan<long> Times(DeterministicRandom random, int count, long start, long end)
    {
        if (_times.Length < count)
            _times = new long[Math.Max(count, _times.Length * 2)];
        var span = _times.AsSpan(0, count);
        var length = end - start;
        for (var i = 0; i < span.Length; i++)
            span[i] = start + random.NextInt64(length);
        span.Sort();
        return span;
    }

    private long WriteCloudTrail(FilePlan plan, DeterministicRandom random, ReadOnlySpan<long> times, Action<Injection, int> placed)
    {
        var account = _organization.Accounts[plan.AccountIndex];
        var region = account.Regions[plan.RegionIndex];
        var context = _context;
        context.Random = random;
        context.Account = account;
        context.Region = region;
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray("Records"u8);
        var injections = plan.Injections;
        int i = 0, j = 0, index = 0;
        while (i < times.Length || j < injections.Count)
        {
            if (j < injections.Count && (i >= times.Length || injections[j].Time <= times[i]))
            {
                Prepare(context, (CloudTrailInjection)injections[j]);
                CloudTrailRecordWriter.Write(_json, context);
                placed(injections[j], index);
                j++;
            }
            else
            {
                Prepare(context, random, region, times[i]);
                CloudTrailRecordWriter.Write(_json, context);
                i++;
            }

            index++;
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        return index;
    }

    private static void Prepare(CloudTrailContext context, DeterministicRandom random, RegionEstate region, long time)
    {
        context.Time = time;
        context.EventId = null;
        context.AgentText = null;
        context.Bucket = "";
        context.Resource = "";
        context.Detail = "";
        context.VpcEndpointId = null;
        context.Error = null;
        if (random.Next(ServiceEventRarity) == 0)
        {
            context.Api = KmsApis.RotateKey;
            context.Principal = ServicePrincipal;
            context.Agent = ServicePrincipal.Agents.Items[0];
            context.SourceIp = "AWS Internal";
            context.AwsRegion = region.Name;
            context.EventVersion = "1.08";
            context.CrossAccount = false;
            return;
        }

        var principal = region.Callers!.Pick(random);
        var api = (region.IsHome ? principal.HomeApis : principal.RegionalApis)!.Pick(random);
        context.Principal = principal;
        context.Api = api;
        context.AwsRegion = api.Global ? "us-east-1" : region.Name;
        var agent = principal.Agents.Pick(random);
        if (api.EventType == "AwsConsoleSignIn")
            agent = principal.Browser ?? agent;
        context.Agent = agent;
        context.SourceIp = principal.SourceIps[random.Next(principal.SourceIps.Length)];
        if (api.ViaVpcEndpoint && principal.VpcEndpointShare > 0 && random.Chance(principal.VpcEndpointShare))
        {
            context.VpcEndpointId = region.VpcEndpointId;
            context.SourceIp = region.Vpcs[0].Interfaces[random.Next(region.Vpcs[0].Interfaces.Length)].PrivateIpText;
        }

        if (api.ErrorRate > 0 && principal.Kind is not PrincipalKind.AwsService && random.Chance(api.ErrorRate))
            context.Error = PickError(random, api.Errors);
        var versions = api.Service.Versions;
        context.EventVersion = versions[random.Next(versions.Length)];
        context.CrossAccount = principal.Kind == PrincipalKind.AwsAccount && api.CanBeCrossAccount;
    }

    private static void Prepare(CloudTrailContext context, CloudTrailInjection injection)
    {
        context.Time = injection.Time;
        context.Api = injection.Api;
        context.Principal = injection.Principal;
        context.Agent = injection.Agent;
        context.AgentText = injection.AgentText;
        context.SourceIp = injection.SourceIp;
        context.AwsRegion = injection.AwsRegion;
        context.EventId = injection.Id;
        context.Error = injection.Error;
        context.Resource = injection.Resource;
        context.Detail = injection.Detail;
        context.Bucket = injection.Bucket;
        context.VpcEndpointId = null;
        context.CrossAccount = false;
        context.EventVersion = injection.Api.Service.Versions[^1];
    }

    private static ApiError? PickError(DeterministicRandom random, ApiError[] errors)
    {
        if (errors.Length == 0)
            return null;
        var total = 0.0;
        foreach (var error in errors)
            total += error.Weight;
        var target = random.NextDouble() * total;
        foreach (var error in errors)
        {
            target -= error.Weight;
            if (target < 0)
                return error;
        }

        return errors[^1];
    }

    private static readonly Principal ServicePrincipal = new()
    {
        Kind = PrincipalKind.AwsInternal,
        Persona = Persona.None,
        AccountId = "",
        InvokedBy = "AWS Internal",
        Agents = new WeightedTable<UserAgent>([(new UserAgent(UserAgentFamily.AwsService, "AWS Internal"), 1.0)]),
        SourceIps = ["AWS Internal"],
    };

    private long WriteFlows(FilePlan plan, DeterministicRandom random, ReadOnlySpan<long> times, Action<Injection, int> placed)
    {
        var account = _organization.Accounts[plan.AccountIndex];
        var region = account.Regions[plan.RegionIndex];
        var vpc = region.Vpcs[plan.VpcIndex];
        var format = vpc.DefaultFormat ? FlowLogFormat.DefaultV2 : FlowLogFormat.CustomV5;
        _buffer.Write(format.Header);
        var injections = plan.Injections;
        var row = default(FlowRecord);
        int i = 0, j = 0, index = 0;
        while (i < times.Length || j < injections.Count)
        {
            if (j < injections.Count && (i >= times.Length || injections[j].Time <= times[i]))
            {
                var injected = ((FlowInjection)injections[j]).Row;
                FlowRowWriter.Write(_buffer, format, injected, account.Id, vpc, region.Name);
                placed(injections[j], index);
                j++;
            }
            else
            {
                FlowTraffic.Next(random, vpc, _organization.ClientIps, times[i], ref row);
                FlowRowWriter.Write(_buffer, format, row, account.Id, vpc, region.Name);
                i++;
            }

            index++;
        }

        return index;
    }

    private long WriteDns(FilePlan plan, DeterministicRandom random, ReadOnlySpan<long> times, Action<Injection, int> placed)
    {
        var account = _organization.Accounts[plan.AccountIndex];
        var region = account.Regions[plan.RegionIndex];
        var vpc = region.Vpcs[plan.VpcIndex];
        var traffic = _dns[plan.AccountIndex][plan.RegionIndex];
        var injections = plan.Injections;
        var query = default(DnsQuery);
        int i = 0, j = 0, index = 0;
        while (i < times.Length || j < injections.Count)
        {
            _json.Reset(_buffer);
            if (j < injections.Count && (i >= times.Length || injections[j].Time <= times[i]))
            {
                DnsRecordWriter.Write(_json, ((DnsInjection)injections[j]).Query, account.Id, region.Name, vpc);
                placed(injections[j], index);
                j++;
            }
            else
            {
                traffic.Next(random, vpc, times[i], ref query);
                DnsRecordWriter.Write(_json, query, account.Id, region.Name, vpc);
                i++;
            }

            _json.Flush();
            _buffer.Write("\n"u8);
            index++;
        }

        return index;
    }
}
