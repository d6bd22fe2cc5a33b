using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Collects resources while an importer reads several responses about them (a list, then a call per resource): a
/// resource seen again is merged into (its configuration members replaced, supplementary data added), so a trail listed
/// in every region or a key listed then described is one resource.
/// </summary>
internal sealed class ResourceAccumulator(string importer)
{
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly List<Entry> _order = [];

    public int Count => _order.Count;

    public Entry Upsert(string type, string account, string region, string id, string? arn, JsonObject configuration, string source, DateTimeOffset? capturedAt = null)
    {
        var key = arn ?? ResourceKeys.For(type, account, region, id);
        if (_byKey.TryGetValue(key, out var entry))
        {
            Json.MergeInto(entry.Configuration, configuration);
            return entry;
        }

        entry = new Entry(key, type, account, region, id, configuration, source) { CapturedAt = capturedAt };
        _byKey.Add(key, entry);
        _order.Add(entry);
        return entry;
    }

    public Entry? ByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The resource of <paramref name="type"/> in the account whose key, id or <paramref name="nameMember"/> is <paramref name="idOrKey"/>.</summary>
    public Entry? Find(string type, string account, string idOrKey, string? nameMember = null)
    {
        if (_byKey.TryGetValue(idOrKey, out var byKey) && byKey.Type == type)
            return byKey;
        foreach (var entry in _order)
        {
            if (entry.Type != type || entry.Account != account)
                continue;
            if (entry.Id == idOrKey || (nameMember is not null && Json.String(entry.Configuration, nameMember) == idOrKey))
                return entry;
        }

        return null;
    }

    /// <summary>The resources of a type in the account, in the order first seen.</summary>
    public IEnumerable<Entry> OfType(string type, string account) => _order.Where(e => e.Type == type && e.Account == account);

    public ImmutableArray<CloudResource> Build()
    {
        var builder = ImmutableArray.CreateBuilder<CloudResource>(_order.Count);
        foreach (var entry in _order)
            builder.Add(entry.Build(importer));
        return builder.MoveToImmutable();
    }

    internal sealed class Entry(string key, string type, string account, string region, string id, JsonObject configuration, string source)
    {
        public string Key { get; } = key;

        public string Type { get; } = type;

        public string Account { get; } = account;

        public string Region { get; set; } = region;

        public string Id { get; } = id;

        public JsonObject Configuration { get; } = configuration;

        public SortedDictionary<string, JsonNode?> Supplementary { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public List<ResourceRelationship> Relationships { get; } = [];

        public string Source { get; } = source;

        public DateTimeOffset? CapturedAt { get; set; }

        public CloudResource Build(string importer)
        {
            var tags = new SortedDictionary<string, string>(ReadTags(Configuration), StringComparer.Ordinal);
            foreach (var (name, value) in Tags)
                tags[name] = value;
            return new CloudResource
            {
                Key = Key,
                Type = Type,
                Account = Account,
                Region = Region,
                Id = Id,
                Configuration = Json.ToElement(Configuration),
                Supplementary = Supplementary.ToImmutableSortedDictionary(static p => p.Key, static p => Json.ToElement(p.Value), StringComparer.Ordinal),
                Tags = tags.ToImmutableSortedDictionary(StringComparer.Ordinal),
                Relationships = [.. Relationships.Distinct()],
                Provenance = new ResourceProvenance(importer, Source, CapturedAt),
            };
        }

        // The API's two shapes of tags: a list of {Key, Value} (EC2, RDS TagList, CloudTrail) or a map (Lambda).
        private static Dictionary<string, string> ReadTags(JsonObject configuration)
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in (string[])["Tags", "TagList", "TagSet"])
            {
                switch (configuration[member])
                {
                    case JsonArray list:
                        foreach (var item in list)
                        {
                            if (Json.String(item, "Key") is { } name)
                                tags[name] = Json.String(item, "Value") ?? "";
                        }

                        break;
                    case JsonObject map:
                        foreach (var (name, value) in map)
                        {
                            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                                tags[name] = v.GetValue<string>();
                        }

                        break;
                }
            }

            return tags;
        }
    }
}
