using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Rampart.Core;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Drift;

/// <summary>What happened to one resource between two inventories.</summary>
public enum ChangeKind
{
    /// <summary>Only in the current inventory.</summary>
    Created,

    /// <summary>Only in the baseline.</summary>
    Deleted,

    /// <summary>In both, with different content.</summary>
    Changed,
}

/// <summary>One resource that differs between a baseline and the current inventory.</summary>
/// <param name="Kind">Created, deleted or changed.</param>
/// <param name="Key">The resource's key.</param>
/// <param name="Type">Its type.</param>
/// <param name="Before">The baseline's resource; null when created.</param>
/// <param name="After">The current resource; null when deleted.</param>
/// <param name="Fields">For a change, each value added, removed or changed.</param>
public sealed record ResourceChange(ChangeKind Kind, string Key, string Type, CloudResource? Before, CloudResource? After, ImmutableArray<FieldChange> Fields);

/// <summary>One value that differs.</summary>
/// <param name="Pointer">
/// A JSON Pointer (RFC 6901) into the resource's view <c>{"configuration", "supplementary", "tags", "relationships"}</c>;
/// an array index is the element's place in the current inventory (in the baseline for a removed element).
/// </param>
/// <param name="Identity">For an element of a list, what identifies it (<c>tcp 22-22 0.0.0.0/0</c>), since its index may move.</param>
/// <param name="Before">The baseline's value, as JSON; null when added.</param>
/// <param name="After">The current value, as JSON; null when removed.</param>
public sealed record FieldChange(string Pointer, string? Identity, string? Before, string? After);

/// <summary>
/// Compares two inventories: resources created, deleted and changed, with every changed value located by a JSON Pointer.
/// Lists are compared by the identity of their elements, not their order — a security-group rule by protocol and ports,
/// its peers by address, prefix list or group; tags by key; elements with an id, ARN or name by that — so a rule added in
/// front of others is one addition, not a change of every rule after it.
/// </summary>
public static class DriftDetector
{
    // Members that identify an element of a list, in order of preference; a combination for security-group permissions.
    private static readonly string[] IdentityMembers =
        ["CidrIp", "CidrIpv6", "PrefixListId", "GroupId", "Key", "Id", "Arn", "ARN", "Name", "RuleNumber", "SecurityGroupRuleId"];

    private static readonly FrozenSet<string> PermissionLists = new[] { "IpPermissions", "IpPermissionsEgress" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The changes from <paramref name="baseline"/> to <paramref name="current"/>, ordered by key.</summary>
    public static ImmutableArray<ResourceChange> Compare(IEnumerable<CloudResource> baseline, IEnumerable<CloudResource> current)
    {
        Guard.NotNull(baseline);
        Guard.NotNull(current);
        var before = ByKey(baseline);
        var after = ByKey(current);
        var changes = new List<ResourceChange>();
        foreach (var (key, resource) in after)
        {
            if (!before.TryGetValue(key, out var old))
                changes.Add(new ResourceChange(ChangeKind.Created, key, resource.Type, null, resource, []));
            else if (old.ContentHash != resource.ContentHash)
                changes.Add(new ResourceChange(ChangeKind.Changed, key, resource.Type, old, resource, Diff(old, resource)));
        }

        foreach (var (key, resource) in before)
        {
            if (!after.ContainsKey(key))
                changes.Add(new ResourceChange(ChangeKind.Deleted, key, resource.Type, resource, null, []));
        }

        return [.. changes.OrderBy(static c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>The values that differ between two versions of one resource.</summary>
    public static ImmutableArray<FieldChange> Diff(CloudResource before, CloudResource after)
    {
        Guard.NotNull(before);
        Guard.NotNull(after);
        var changes = new List<FieldChange>();
        using var left = JsonDocument.Parse(View(before));
        using var right = JsonDocument.Parse(View(after));
        Compare(left.RootElement, right.RootElement, "", null, changes);
        return [.. changes];
    }

    private static Dictionary<string, CloudResource> ByKey(IEnumerable<CloudResource> resources)
    {
        var map = new Dictionary<string, CloudResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
            map.TryAdd(resource.Key, resource);
        return map;
    }

    private static string View(CloudResource resource)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("configuration");
            resource.Configuration.WriteTo(json);
            json.WriteStartObject("supplementary");
            foreach (var (name, value) in resource.Supplementary)
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }

            json.WriteEndObject();
            json.WriteStartObject("tags");
            foreach (var (key, value) in resource.Tags)
                json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("relationships");
            foreach (var relationship in resource.Relationships)
            {
                json.WriteStartObject();
                json.WriteString("Name", relationship.Name);
                json.WriteString("TargetKey", relationship.TargetKey);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Compare(JsonElement before, JsonElement after, string pointer, string? identity, List<FieldChange> changes)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            var names = before.EnumerateObject().Select(static p => p.Name).Union(after.EnumerateObject().Select(static p => p.Name), StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var path = pointer + "/" + Escape(name);
                var inBefore = before.TryGetProperty(name, out var left);
                var inAfter = after.TryGetProperty(name, out var right);
                if (!inBefore)
                    changes.Add(new FieldChange(path, identity, null, CanonicalJson.ToText(right)));
                else if (!inAfter)
                    changes.Add(new FieldChange(path, identity, CanonicalJson.ToText(left), null));
                else
                    Compare(left, right, path, identity, changes);
            }

            return;
        }

        if (before.ValueKind == JsonValueKind.Array && after.ValueKind == JsonValueKind.Array)
        {
            CompareLists(before, after, pointer, identity, changes);
            return;
        }

        var text = CanonicalJson.ToText(before);
        var other = CanonicalJson.ToText(after);
        if (text != other)
            changes.Add(new FieldChange(pointer, identity, text, other));
    }

    // Elements are paired by identity; an element without one is paired by its whole content.
    // Inside an identified element (a permission), the parent's identity leads: "tcp 22-22 CidrIp=0.0.0.0/0".
    private static void CompareLists(JsonElement before, JsonElement after, string pointer, string? parent, List<FieldChange> changes)
    {
        var list = pointer[(pointer.LastIndexOf('/') + 1)..];
        string Identity(JsonElement element) => parent is null ? IdentityOf(element, list) : parent + " " + IdentityOf(element, list);
        var left = before.EnumerateArray().Select((element, index) => (Element: element, Index: index, Identity: Identity(element))).ToList();
        var right = after.EnumerateArray().Select((element, index) => (Element: element, Index: index, Identity: Identity(element))).ToList();
        var unmatched = right.ToList();
        foreach (var old in left)
        {
            var match = unmatched.FindIndex(candidate => candidate.Identity == old.Identity);
            if (match < 0)
            {
                changes.Add(new FieldChange(pointer + "/" + old.Index.ToString(CultureInfo.InvariantCulture), old.Identity, CanonicalJson.ToText(old.Element), null));
                continue;
            }

            var current = unmatched[match];
            unmatched.RemoveAt(match);
            Compare(old.Element, current.Element, pointer + "/" + current.Index.ToString(CultureInfo.InvariantCulture), current.Identity, changes);
        }

        foreach (var added in unmatched)
            changes.Add(new FieldChange(pointer + "/" + added.Index.ToString(CultureInfo.InvariantCulture), added.Identity, null, CanonicalJson.ToText(added.Element)));
    }

    private static string IdentityOf(JsonElement element, string list)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return CanonicalJson.ToText(element);
        if (PermissionLists.Contains(list))
        {
            // A permission is its protocol and ports; its peers are compared inside it.
            string Part(string name) => element.TryGetProperty(name, out var value) ? CanonicalJson.ToText(value).Trim('"') : "*";
            return $"{Part("IpProtocol")} {Part("FromPort")}-{Part("ToPort")}";
        }

        foreach (var member in IdentityMembers)
        {
            if (element.TryGetProperty(member, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                return $"{member}={CanonicalJson.ToText(value).Trim('"')}";
        }

        return CanonicalJson.ToText(element);
    }

    // RFC 6901: '~' is written '~0' and '/' '~1'.
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
