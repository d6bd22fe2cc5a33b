using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Posture.Inventory;
using Rampart.Posture.Inventory.Importers;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>Reading facts out of resources, and writing them as evidence, for plugins.</summary>
internal static class PluginFacts
{
    /// <summary>
    /// One subject per account the inventory holds resources of: its <see cref="ResourceTypes.Account"/> resource when it
    /// has one, otherwise one made for the purpose, so account-level checks have something to report on and mute by.
    /// </summary>
    public static IEnumerable<CloudResource> Accounts(ResourceInventory inventory, JudgeScope? scope)
    {
        var only = scope?.Accounts.Concat(scope.Subjects.Select(static key => key.Split('/')).Where(static p => p.Length == 4 && p[0] == ResourceTypes.Account).Select(static p => p[1])).ToHashSet(StringComparer.Ordinal);
        foreach (var account in inventory.Accounts.Where(a => only is null || only.Contains(a)))
        {
            var existing = inventory.OfType(ResourceTypes.Account, account, ResourceKeys.Global);
            yield return existing.IsEmpty
                ? new CloudResource
                {
                    Key = ResourceKeys.For(ResourceTypes.Account, account, ResourceKeys.Global, account),
                    Type = ResourceTypes.Account,
                    Account = account,
                    Region = ResourceKeys.Global,
                    Id = account,
                    Configuration = Json.ToElement(new JsonObject { ["AccountId"] = account }),
                    // Made from the inventory, not read from a file: no source to point at.
                    Provenance = new ResourceProvenance("derived", "", null),
                }
                : existing[0];
        }
    }

    /// <summary>
    /// An ERROR for an account-level CloudTrail check when the inventory holds no trail at all, in any account: then trails
    /// were most likely not collected, and saying the account has none would be a guess. Null when there are trails.
    /// </summary>
    public static PluginJudgement? NoTrails(ResourceInventory inventory, CloudResource account) =>
        inventory.OfType(TrailFacts.Type).IsEmpty
            ? new PluginJudgement(account, CheckStatus.Error, [], "the inventory holds no trail for any account; collect `aws cloudtrail describe-trails` (or record AWS::CloudTrail::Trail in AWS Config) to judge this")
            : null;

    /// <summary>The resources of a type: all of them, or those in <paramref name="scope"/>.</summary>
    public static IEnumerable<CloudResource> Subjects(ResourceInventory inventory, string type, JudgeScope? scope) =>
        scope is null ? inventory.OfType(type) : scope.Of(inventory, type);

    /// <summary>
    /// The scope of a change for the account-level CloudTrail checks: the resource's account, or every account when the
    /// change may be the inventory's first or last trail (which turns every account's ERROR of <see cref="NoTrails"/> on
    /// or off) or is an organization trail (which records every account).
    /// </summary>
    public static JudgeScope AccountScope(CloudResource resource, ResourceInventory inventory) =>
        resource.Type == TrailFacts.Type && (inventory.OfType(TrailFacts.Type).Length <= 1 || TrailFacts.IsOrganization(resource))
            ? new JudgeScope(inventory.Accounts, [])
            : JudgeScope.Account(resource.Account);

    /// <summary>A member's text, or null when it is absent or not a string.</summary>
    public static string? Text(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member's boolean (also read from <c>"true"</c>/<c>"false"</c> text), or null when absent.</summary>
    public static bool? Flag(JsonElement element, string member)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(member, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A member's items; empty when it is absent or not a list.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>A supplementary document, or an undefined element when the resource has none of that name.</summary>
    public static JsonElement Supplement(CloudResource resource, string name) =>
        resource.Supplementary.TryGetValue(name, out var value) ? value : default;

    /// <summary>
    /// Evidence from named values (strings, numbers, booleans, lists of strings, JSON; null values are left out), written
    /// as one JSON document whatever their number.
    /// </summary>
    public static ImmutableArray<CheckEvidence> Evidence(params (string Name, object? Value)[] facts)
    {
        var present = facts.Where(static f => f.Value is not null).ToArray();
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Writing))
        {
            json.WriteStartArray();
            foreach (var (_, value) in present)
                Write(json, value!);
            json.WriteEndArray();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var values = JsonElement.ParseValue(ref reader);
        var evidence = new CheckEvidence[present.Length];
        for (var i = 0; i < present.Length; i++)
            evidence[i] = new CheckEvidence(present[i].Name, values[i]);
        return ImmutableCollectionsMarshal.AsImmutableArray(evidence);
    }

    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Write(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case JsonElement element:
                element.WriteTo(json);
                break;
            case JsonNode node:
                node.WriteTo(json);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case IEnumerable<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                    json.WriteStringValue(text);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}

/// <summary>What a trail records and where it delivers, as the account-level CloudTrail checks read it.</summary>
/// <param name="Resource">The trail.</param>
/// <param name="Name">Its name.</param>
/// <param name="MultiRegion">Whether it records every region.</param>
/// <param name="Logging">Whether it is logging (<c>get-trail-status</c>), or null when not collected.</param>
/// <param name="AllManagementEvents">Whether it records read and write management events, or null when its selectors were not collected (a trail's default is to record them all).</param>
/// <param name="LogGroupArn">The CloudWatch Logs log group it delivers to, or null.</param>
/// <param name="Bucket">The bucket it delivers to, or null.</param>
internal sealed record TrailFacts(CloudResource Resource, string Name, bool MultiRegion, bool? Logging, bool? AllManagementEvents, string? LogGroupArn, string? Bucket)
{
    /// <summary>The trail's resource type.</summary>
    public const string Type = "AWS::CloudTrail::Trail";

    /// <summary>Whether the trail records every region's management events and is logging (unknowns given the benefit of the doubt).</summary>
    public bool RecordsAccount => MultiRegion && Logging != false && AllManagementEvents != false;

    /// <summary>Reads a trail resource.</summary>
    public static TrailFacts Of(CloudResource trail)
    {
        var configuration = trail.Configuration;
        var status = PluginFacts.Supplement(trail, "TrailStatus");
        return new TrailFacts(
            trail,
            PluginFacts.Text(configuration, "Name") ?? trail.Id,
            PluginFacts.Flag(configuration, "IsMultiRegionTrail") == true,
            PluginFacts.Flag(status, "IsLogging"),
            ManagementEvents(PluginFacts.Supplement(trail, "EventSelectors")),
            PluginFacts.Text(configuration, "CloudWatchLogsLogGroupArn") is { Length: > 0 } group ? group : null,
            PluginFacts.Text(configuration, "S3BucketName") is { Length: > 0 } bucket ? bucket : null);
    }

    /// <summary>Whether a trail resource is an organization trail, recording every account of the organization.</summary>
    public static bool IsOrganization(CloudResource trail)
    {
        Core.Guard.NotNull(trail);
        return PluginFacts.Flag(trail.Configuration, "IsOrganizationTrail") == true;
    }

    /// <summary>
    /// The trails that record an account: its own, and the organization trails of any account of the inventory (an
    /// organization trail is listed once, by whichever account's export held it, and records them all).
    /// </summary>
    public static IEnumerable<TrailFacts> In(ResourceInventory inventory, string account) =>
        inventory.OfType(Type, account).Select(Of)
            .Concat(inventory.OfType(Type).Where(t => t.Account != account && IsOrganization(t)).Select(Of));

    /// <summary>Whether the inventory holds an organization trail (whose changes reach every account).</summary>
    public static bool AnyOrganizationTrail(ResourceInventory inventory) =>
        inventory.OfType(Type).Any(IsOrganization);

    // Reads and writes are each recorded by some selector that records management events without excluding any event
    // source: basic selectors with IncludeManagementEvents (ReadWriteType All, ReadOnly or WriteOnly) and no
    // ExcludeManagementEventSources; advanced selectors on the Management category (readOnly true, false or either)
    // whose other fields narrow nothing.
    private static bool? ManagementEvents(JsonElement selectors)
    {
        if (selectors.ValueKind != JsonValueKind.Object)
            return null;
        var basic = PluginFacts.Items(selectors, "EventSelectors").ToList();
        var advanced = PluginFacts.Items(selectors, "AdvancedEventSelectors").ToList();
        if (basic.Count == 0 && advanced.Count == 0)
            return null;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in basic.Where(static s => PluginFacts.Flag(s, "IncludeManagementEvents") != false && !PluginFacts.Items(s, "ExcludeManagementEventSources").Any()))
        {
            switch (PluginFacts.Text(selector, "ReadWriteType") ?? "All")
            {
                case "All": kinds.Add("read"); kinds.Add("write"); break;
                case "ReadOnly": kinds.Add("read"); break;
                case "WriteOnly": kinds.Add("write"); break;
            }
        }

        foreach (var selector in advanced)
        {
            var fields = PluginFacts.Items(selector, "FieldSelectors").ToList();
            if (!fields.Any(static f => PluginFacts.Text(f, "Field") == "eventCategory" && PluginFacts.Items(f, "Equals").Any(static v => v.ValueEquals("Management"))))
                continue;
            if (fields.Any(static f => PluginFacts.Text(f, "Field") is not ("eventCategory" or "readOnly")))
                continue;
            var readOnly = fields.Where(static f => PluginFacts.Text(f, "Field") == "readOnly").SelectMany(static f => PluginFacts.Items(f, "Equals")).Select(static v => v.ToString()).ToList();
            if (readOnly.Count == 0 || readOnly.Contains("true", StringComparer.OrdinalIgnoreCase))
                kinds.Add("read");
            if (readOnly.Count == 0 || readOnly.Contains("false", StringComparer.OrdinalIgnoreCase))
                kinds.Add("write");
        }

        return kinds.Count == 2;
    }
}
