using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Rampart.Detection.Correlation;

/// <summary>
/// What the groups of one <c>new_value</c> correlation have taken: for each group, when it was first seen and the
/// values learned. Memory grows with distinct group and value pairs, never with the events read.
/// </summary>
public sealed class Baseline
{
    private const int RecentPairs = 1024;

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    // Group and value pairs known lately, by the identity of their strings (see Knows).
    private readonly (string? Key, string? Value, Group? Group)[] _recent = new (string?, string?, Group?)[RecentPairs];

    /// <summary>Groups known.</summary>
    public int Groups => _groups.Count;

    /// <summary>Values learned, across groups.</summary>
    public long Learned { get; private set; }

    /// <summary>
    /// Learns <paramref name="value"/> for the group; true when it is new to a group whose learning period (from its
    /// first value) is over: the value fires.
    /// </summary>
    internal bool Learn(string key, string?[] group, string value, DateTimeOffset time, TimeSpan learning)
    {
        if (!_groups.TryGetValue(key, out var known))
            _groups[key] = known = new Group(group, time);
        else if (time < known.FirstSeen)
            known.FirstSeen = time;
        if (!known.Values.Add(value))
            return false;
        Learned++;
        return time >= known.FirstSeen + learning;
    }

    /// <summary>Whether the group already took <paramref name="value"/>; notes <paramref name="time"/> when it is the group's earliest.</summary>
    internal bool Knows(string key, string value, DateTimeOffset time)
    {
        // Values come from a cache of strings, so a pair met lately is usually the same two instances: those are
        // known without hashing either. What a group took is never forgotten, so a kept pair stays true.
        ref var recent = ref _recent[((RuntimeHelpers.GetHashCode(key) * 31) + RuntimeHelpers.GetHashCode(value)) & (RecentPairs - 1)];
        Group? known;
        if (ReferenceEquals(recent.Key, key) && ReferenceEquals(recent.Value, value))
        {
            known = recent.Group!;
        }
        else
        {
            if (!_groups.TryGetValue(key, out known) || !known.Values.Contains(value))
                return false;
            recent = (key, value, known);
        }

        if (time < known.FirstSeen)
            known.FirstSeen = time;
        return true;
    }

    /// <summary>Writes the groups as JSON: <c>[{"group":[…],"firstSeen":"…","values":[…]}…]</c>, in a stable order.</summary>
    internal void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (var (_, group) in _groups.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteStartArray("group");
            foreach (var part in group.Key)
            {
                if (part is null)
                    json.WriteNullValue();
                else
                    json.WriteStringValue(part);
            }

            json.WriteEndArray();
            json.WriteString("firstSeen", group.FirstSeen.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteStartArray("values");
            foreach (var value in group.Values.Order(StringComparer.Ordinal))
                json.WriteStringValue(value);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; false at the first group that is not in its shape.</summary>
    internal bool ReadFrom(JsonElement groups, int width, Func<string?[], string> keyOf)
    {
        if (groups.ValueKind != JsonValueKind.Array)
            return false;
        Array.Clear(_recent);
        foreach (var item in groups.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("group", out var parts) || parts.ValueKind != JsonValueKind.Array || parts.GetArrayLength() != width
                || !item.TryGetProperty("firstSeen", out var first) || first.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(first.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var firstSeen)
                || !item.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                return false;
            var key = parts.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString() : null).ToArray();
            var group = new Group(key, firstSeen);
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String && group.Values.Add(value.GetString()!))
                    Learned++;
            }

            _groups[keyOf(key)] = group;
        }

        return true;
    }

    private sealed class Group(string?[] key, DateTimeOffset firstSeen)
    {
        public string?[] Key { get; } = key;

        public DateTimeOffset FirstSeen { get; set; } = firstSeen;

        public HashSet<string> Values { get; } = new(StringComparer.Ordinal);
    }
}
