using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Imports one folder of API responses recorded by Cloud Custodian's placebo: <c>&lt;service&gt;.&lt;Operation&gt;_&lt;N&gt;.json</c>
/// holding <c>{"status_code": …, "data": {…}}</c>, dates as <c>{"__class__": "datetime", …}</c>. List calls are read from
/// their first response (and the next ones while the previous says there are more pages); per-resource calls in the
/// order recorded, each applied to the resource its data names or, when it names none, to the N-th resource listed.
/// Mutating calls are skipped. Config responses (<c>SelectResourceConfig</c>, <c>GetResourceConfigHistory</c>) are read as
/// configuration items. The recording does not say the region: <see cref="Region"/> (default <c>us-east-1</c>) is used;
/// the account is the one <c>sts get-caller-identity</c> or an S3 Control error names, else the first one an ARN in the
/// responses names.
/// </summary>
/// <param name="region">The region the recording was made in.</param>
public sealed partial class RecordedResponseImporter(string region = "us-east-1") : IInventoryImporter
{
    // botocore endpoint prefixes that differ from the CLI's service names.
    private static readonly FrozenDictionary<string, string> Services = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monitoring"] = "cloudwatch",
        ["s3-control"] = "s3control",
        ["tagging"] = "resourcegroupstaggingapi",
        ["access-analyzer"] = "accessanalyzer",
        ["elasticloadbalancing"] = "elbv2",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Mutations =
    [
        "create", "delete", "put", "update", "modify", "attach", "detach", "start", "stop", "enable", "disable", "authorize", "revoke",
        "copy", "generate", "tag", "untag", "set", "add", "remove", "associate", "disassociate", "deregister", "register", "reboot", "terminate",
    ];

    /// <summary>The region the recording is taken to be from.</summary>
    public string Region { get; } = region;

    /// <inheritdoc />
    public string Name => "recorded-response";

    /// <summary>Whether <paramref name="directory"/> holds placebo recordings (<c>service.Operation_N.json</c> files).</summary>
    public static bool LooksLikeRecording(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.json").Any(f => FileName().IsMatch(Path.GetFileName(f)));

    [GeneratedRegex("^([a-z0-9-]+)\\.([A-Za-z0-9]+)_([0-9]+)\\.json$")]
    private static partial Regex FileName();

    /// <inheritdoc />
    public ImmutableArray<CloudResource> Import(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(path);
        Guard.NotNull(diagnostics);
        if (!Directory.Exists(path))
        {
            diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), "not a directory"));
            return [];
        }

        var calls = new List<(string Service, string Operation, int Ordinal, JsonInput Input, JsonObject Body)>();
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            var match = FileName().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                diagnostics.Report(InventoryDiagnostics.UnmappedFile(new SourceLocation(file), Path.GetFileName(file)));
                continue;
            }

            if (JsonInput.Read(file, diagnostics) is not { } input)
                continue;
            if (Json.Object(input.Root, "data") is not { } data)
            {
                diagnostics.Report(InventoryDiagnostics.MissingMember(input.At("$"), "$.data", "an object (a placebo recording)"));
                continue;
            }

            Json.FixPlaceboDates(data);
            data.Remove("ResponseMetadata");
            var service = Services.GetValueOrDefault(match.Groups[1].Value, match.Groups[1].Value);
            calls.Add((service, ApiResponseMapper.Kebab(match.Groups[2].Value), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), input, data));
        }

        calls.Sort(static (a, b) => (a.Service, a.Operation, a.Ordinal).CompareTo((b.Service, b.Operation, b.Ordinal)));
        var account = Account(path, calls.Select(static c => c.Body), diagnostics);
        var resources = new ResourceAccumulator(Name);
        var configItems = new List<ConfigItemRecord>();
        var deferred = new List<ApiCall>();
        foreach (var group in calls.GroupBy(static c => (c.Service, c.Operation)))
        {
            var (service, operation) = group.Key;
            var first = group.First();
            if (service == "config" && operation is "select-resource-config" or "get-resource-config-history" or "batch-get-resource-config")
            {
                foreach (var call in group)
                    configItems.AddRange(ConfigItemImporter.ImportDocument(call.Input, call.Body, diagnostics, Name));
                continue;
            }

            if (!ApiResponseMapper.IsMapped(service, operation))
            {
                diagnostics.Report(Mutations.Any(m => operation.StartsWith(m + "-", StringComparison.Ordinal))
                    ? InventoryDiagnostics.Mutation(first.Input.At("$"), service + " " + operation)
                    : InventoryDiagnostics.UnmappedFile(first.Input.At("$"), service + " " + operation));
                continue;
            }

            var perResource = ApiResponseMapper.IsPerResource(service, operation);
            var more = true;
            foreach (var (_, _, ordinal, input, body) in group)
            {
                if (!perResource && !more)
                    break;
                var call = new ApiCall { Service = service, Operation = operation, Body = body, Input = input, Account = account, Region = Region, Ordinal = ordinal };
                if (perResource)
                    deferred.Add(call);
                else
                    ApiResponseMapper.Apply(call, resources, diagnostics);
                more = HasMorePages(body);
            }
        }

        foreach (var call in deferred)
            ApiResponseMapper.Apply(call, resources, diagnostics);
        return [.. resources.Build(), .. ConfigItemImporter.Select(configItems, null, diagnostics)];
    }

    private static bool HasMorePages(JsonObject body) =>
        Json.String(body, "NextToken") is { Length: > 0 } || Json.String(body, "nextToken") is { Length: > 0 } || Json.String(body, "NextMarker") is { Length: > 0 }
        || (body["IsTruncated"] is JsonValue truncated && truncated.TryGetValue<bool>(out var isTruncated) && isTruncated)
        || (body["Truncated"] is JsonValue t && t.TryGetValue<bool>(out var isT) && isT);

    private static string Account(string path, IEnumerable<JsonObject> bodies, IDiagnosticSink diagnostics)
    {
        foreach (var body in bodies)
        {
            if (Json.String(body, "Account") is { } sts && ResourceKeys.IsAccountId(sts))
                return sts;

            // S3 Control's errors name the account they were asked about.
            if (Json.String(body["Error"], "AccountId") is { } asked && ResourceKeys.IsAccountId(asked))
                return asked;
        }

        foreach (var body in bodies)
        {
            if (ResourceKeys.FindAccountIn(body.ToJsonString()) is { } found)
                return found;
        }

        diagnostics.Report(InventoryDiagnostics.UnknownAccount(new SourceLocation(path)));
        return ResourceKeys.UnknownAccount;
    }
}
