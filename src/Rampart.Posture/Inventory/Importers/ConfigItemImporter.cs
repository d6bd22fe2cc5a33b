using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Imports AWS Config configuration items: one item, a list of items, a history or snapshot
/// (<c>{"configurationItems": […]}</c>), <c>BatchGetResourceConfig</c> (<c>baseConfigurationItems</c>),
/// <c>SelectResourceConfig</c> (<c>Results</c>, items as JSON text), a change notification (<c>configurationItem</c>), a
/// Config rule's event (<c>invokingEvent</c>) or an EventBridge "Config Configuration Item Change" event; a directory is
/// read file by file (<c>*.json</c>, recursively, in ordinal order). Both dialects are read: the API's (<c>version</c>,
/// <c>accountId</c>, <c>arn</c>, configuration and supplementary values as objects or JSON text, capture times as ISO
/// 8601 text or epoch seconds) and the delivery one (<c>configurationItemVersion</c>, <c>awsAccountId</c>, <c>ARN</c>).
/// Configuration is normalised to the API's shape (see docs/inventory.md). Of several items of one resource (a history)
/// the one captured last — at or before <see cref="InventoryImportOptions.AsOf"/> when given — is kept; when that item
/// says the resource was deleted or is not recorded, the resource is absent.
/// </summary>
/// <param name="options">The instant to import as of; by default the latest.</param>
public sealed class ConfigItemImporter(InventoryImportOptions options) : IInventoryImporter
{
    /// <summary>An importer of the latest state.</summary>
    public ConfigItemImporter()
        : this(InventoryImportOptions.Default)
    {
    }

    /// <inheritdoc />
    public string Name => "config-item";

    /// <inheritdoc />
    public ImmutableArray<CloudResource> Import(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(path);
        Guard.NotNull(diagnostics);
        return Select(Read(path, diagnostics), options.AsOf, diagnostics);
    }

    /// <summary>Every item in <paramref name="path"/> (a file or a directory of <c>*.json</c>), ended resources included.</summary>
    internal static List<ConfigItemRecord> Read(string path, IDiagnosticSink diagnostics)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var found = new List<ConfigItemRecord>();
        foreach (var file in files)
        {
            if (JsonInput.Read(file, diagnostics) is { } input)
                found.AddRange(ImportDocument(input, input.Root, diagnostics));
        }

        return found;
    }

    /// <summary>
    /// Keeps, of the items of each resource, the one captured last (ties: the later one read), counting only those
    /// captured at or before <paramref name="asOf"/> when given; a resource whose kept item ends it, or that has no item
    /// yet, is absent. Items without a capture time count as the earliest, and with an instant are reported.
    /// </summary>
    internal static ImmutableArray<CloudResource> Select(IReadOnlyList<ConfigItemRecord> items, DateTimeOffset? asOf, IDiagnosticSink diagnostics)
    {
        var result = new List<CloudResource>();
        foreach (var group in items.GroupBy(static r => r.Key, StringComparer.Ordinal))
        {
            ConfigItemRecord? latest = null;
            var count = 0;
            foreach (var item in group)
            {
                if (item.CapturedAt > asOf)
                    continue;
                count++;
                if (latest is null || (item.CapturedAt ?? DateTimeOffset.MinValue) >= (latest.CapturedAt ?? DateTimeOffset.MinValue))
                    latest = item;
            }

            if (latest is null)
                continue;
            if (count > 1)
                diagnostics.Report(InventoryDiagnostics.Superseded(new SourceLocation(latest.At.Path), group.Key, count, asOf));
            if (latest.Resource is null)
                diagnostics.Report(InventoryDiagnostics.NotAResource(latest.At, $"the item of {latest.Described} is `{latest.Status}`"));
            else
                result.Add(latest.Resource);
        }

        if (asOf is { } instant)
        {
            foreach (var item in items.Where(static i => i.CapturedAt is null))
                diagnostics.Report(InventoryDiagnostics.NoCaptureTime(item.At, item.Described, instant));
            var timed = items.Where(static i => i.CapturedAt is not null).ToList();
            if (timed.Count > 0 && timed.All(i => i.CapturedAt > instant))
            {
                var first = timed.MinBy(static i => i.CapturedAt)!;
                diagnostics.Report(InventoryDiagnostics.BeforeHistory(first.At, instant, first.CapturedAt!.Value));
            }
        }

        return [.. result];
    }

    /// <summary>The items a parsed document holds, whatever its wrapper.</summary>
    internal static IEnumerable<ConfigItemRecord> ImportDocument(JsonInput input, JsonNode? root, IDiagnosticSink diagnostics, string importer = "config-item")
    {
        switch (root)
        {
            case JsonArray items:
                foreach (var item in items)
                {
                    foreach (var resource in ImportDocument(input, item, diagnostics, importer))
                        yield return resource;
                }

                yield break;
            case JsonObject o when (o["configurationItems"] ?? o["baseConfigurationItems"]) is JsonArray:
                var kind = o["configSnapshotId"] is not null ? "config-snapshot" : importer;
                foreach (var item in (o["configurationItems"] ?? o["baseConfigurationItems"])!.AsArray())
                {
                    if (Item(input, item, diagnostics, kind) is { } resource)
                        yield return resource;
                }

                yield break;
            case JsonObject o when o["Results"] is JsonArray results:
                foreach (var result in results)
                {
                    var parsed = Json.Text(result) is { } text ? Json.TryParse(text) : result;
                    if (parsed is null)
                    {
                        diagnostics.Report(InventoryDiagnostics.MissingMember(input.At(result), result!.GetPath(), "a configuration item as JSON text"));
                        continue;
                    }

                    if (Item(input, parsed, diagnostics, importer, result) is { } resource)
                        yield return resource;
                }

                yield break;
            case JsonObject o when o["invokingEvent"] is { } invoking:
                var invokingEvent = Json.Text(invoking) is { } eventText ? Json.TryParse(eventText) : invoking;
                if (invokingEvent is not JsonObject)
                {
                    diagnostics.Report(InventoryDiagnostics.MissingMember(input.At(invoking), invoking.GetPath(), "a Config event as JSON"));
                    yield break;
                }

                foreach (var resource in ImportDocument(input, invokingEvent, diagnostics, importer))
                    yield return resource;
                yield break;
            case JsonObject o when o["configurationItem"] is JsonObject item:
                if (Item(input, item, diagnostics, importer) is { } notified)
                    yield return notified;
                yield break;
            case JsonObject o when Json.String(o, "detail-type") == "Config Configuration Item Change" && o["detail"] is JsonObject detail:
                foreach (var resource in ImportDocument(input, detail, diagnostics, importer))
                    yield return resource;
                yield break;
            case JsonObject o when o["resourceType"] is not null:
                if (Item(input, o, diagnostics, importer) is { } single)
                    yield return single;
                yield break;
            case JsonObject o when Json.String(o, "messageType") is { } message:
                diagnostics.Report(InventoryDiagnostics.NotAResource(input.At(o), $"a `{message}` holds no configuration item"));
                yield break;
            default:
                diagnostics.Report(InventoryDiagnostics.NotAResource(input.At(root), "this JSON holds no configuration item"));
                yield break;
        }
    }

    /// <summary>
    /// One configuration item, in either dialect; null (reported) when it lacks what a resource needs. An item that says
    /// the resource was deleted or is not recorded is returned without a resource, as the end of its history.
    /// </summary>
    internal static ConfigItemRecord? Item(JsonInput input, JsonNode? node, IDiagnosticSink diagnostics, string importer, JsonNode? locatedAt = null)
    {
        var at = input.At(locatedAt ?? node);
        var path = (locatedAt ?? node)?.GetPath() ?? "$";
        if (node is not JsonObject item || Json.String(item, "resourceType") is not { } type)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(at, path + ".resourceType", "a string"));
            return null;
        }

        var status = Json.String(item, "configurationItemStatus");
        var ended = status is "ResourceDeleted" or "ResourceDeletedNotRecorded" or "ResourceNotRecorded";
        var id = Json.String(item, "resourceId") ?? Json.String(item, "resourceName");
        if (id is null)
        {
            if (ended)
                diagnostics.Report(InventoryDiagnostics.NotAResource(at, $"the item of {type} `` is `{status}`"));
            else
                diagnostics.Report(InventoryDiagnostics.MissingMember(at, path + ".resourceId", "a string"));
            return null;
        }

        var account = Json.String(item, "accountId") ?? Json.String(item, "awsAccountId") ?? ResourceKeys.UnknownAccount;
        if (!ended && !ResourceKeys.IsAccountId(account))
            diagnostics.Report(InventoryDiagnostics.SuspiciousIdentity(at, $"the account id `{account}` is not twelve digits."));
        var region = Json.String(item, "awsRegion") ?? ResourceKeys.Global;
        var described = $"{type} `{id}`";
        if (type == "AWS::S3::AccountPublicAccessBlock")
        {
            type = ResourceTypes.AccountPublicAccessBlock;
            region = ResourceKeys.Global;
        }

        var capturedAt = CaptureTime(item["configurationItemCaptureTime"]);
        if (ended)
            return new ConfigItemRecord(Key(item, type, account, region, id, at, NullDiagnosticSink.Instance), capturedAt, null, status, at, described);

        var configurationNode = item["configuration"];
        if (Json.Text(configurationNode) is { } text)
            configurationNode = Json.TryParse(text);
        if (configurationNode is not (JsonObject or null))
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(at, path + ".configuration", "an object or JSON text of one"));
            return null;
        }

        var configuration = ConfigNormalizer.Configuration(type, configurationNode as JsonObject ?? []);
        if (type == ResourceTypes.AccountPublicAccessBlock)
            configuration["Exists"] = true;

        var key = Key(item, type, account, region, id, at, diagnostics);
        var entry = new ResourceAccumulator.Entry(key, type, account, region, id, configuration, input.SourceOf(locatedAt ?? item))
        {
            CapturedAt = capturedAt,
        };
        foreach (var (name, value) in Json.Object(item, "supplementaryConfiguration") ?? [])
        {
            if (ConfigNormalizer.Supplementary(type, name, value) is { } normalised)
                entry.Supplementary[name] = normalised;
        }

        foreach (var (name, value) in Json.Object(item, "tags") ?? [])
            entry.Tags[name] = Json.Text(value) ?? value?.ToJsonString() ?? "";
        foreach (var relationship in Json.Array(item, "relationships") ?? [])
        {
            var targetType = Json.String(relationship, "resourceType");
            var targetId = Json.String(relationship, "resourceId") ?? Json.String(relationship, "resourceName");
            var name = (Json.String(relationship, "relationshipName") ?? Json.String(relationship, "name") ?? "").Trim();
            if (targetType is not null && targetId is not null)
                entry.Relationships.Add(new ResourceRelationship(name, ResourceKeys.For(targetType, account, region, targetId)));
        }

        return new ConfigItemRecord(key, capturedAt, entry.Build(importer), status, at, described);
    }

    // The API's JSON protocol sends timestamps as epoch seconds; the CLI and delivered files as ISO 8601 text.
    private static DateTimeOffset? CaptureTime(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<double>(out var seconds) && double.IsFinite(seconds)
            && seconds is >= 0 and < 253_402_300_800)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return Json.Date(node);
    }

    private static string Key(JsonObject item, string type, string account, string region, string id, SourceLocation at, IDiagnosticSink diagnostics)
    {
        var arn = Json.String(item, "arn") ?? Json.String(item, "ARN");
        if (arn is null || type.StartsWith("Rampart::", StringComparison.Ordinal))
            return ResourceKeys.For(type, account, region, id);
        var parts = arn.Split(':');
        var service = ResourceKeys.ServiceOf(type);
        if (parts.Length < 6 || parts[0] != "arn" || (service is not null && parts[2] != service))
        {
            var built = ResourceKeys.For(type, account, region, id);
            diagnostics.Report(InventoryDiagnostics.SuspiciousIdentity(at, $"the ARN `{arn}` is not one of {type}; the key `{built}` is used."));
            return built;
        }

        return arn;
    }
}
