namespace Rampart.Detection.Sigma.Indexing;

/// <summary>
/// Values of which an event must have at least one for a rule to match — exact values, or prefixes a value starts
/// with: the rule need only be tried on events that have one of them. Compared case-insensitively, like Sigma's
/// default.
/// </summary>
internal sealed class IndexConstraint
{
    public Dictionary<IndexField, HashSet<string>> Keys { get; } = [];

    public Dictionary<IndexField, HashSet<string>> Prefixes { get; } = [];

    /// <summary>The fields the constraint looks up.</summary>
    public IEnumerable<IndexField> Fields => Keys.Keys.Union(Prefixes.Keys);

    public int KeyCount
    {
        get
        {
            var count = 0;
            foreach (var values in Keys.Values)
                count += values.Count;
            foreach (var values in Prefixes.Values)
                count += values.Count;
            return count;
        }
    }

    /// <summary>
    /// Lower is better. eventName is the most selective CloudTrail field and eventSource the least (one
    /// service emits many events); other fields sit between. Exact values beat prefixes; ties go to fewer keys.
    /// </summary>
    public (int Field, int Prefixes, int Keys) Rank
    {
        get
        {
            var worst = 0;
            foreach (var key in Fields)
            {
                var rank = key.Name switch
                {
                    "eventName" => 0,
                    "eventSource" => 2,
                    _ => 1,
                };
                worst = Math.Max(worst, rank);
            }

            return (worst, Prefixes.Count == 0 ? 0 : 1, KeyCount);
        }
    }

    public void Add(IndexField field, string value) => Add(Keys, field, value);

    public void AddPrefix(IndexField field, string prefix) => Add(Prefixes, field, prefix);

    public void AddAll(IndexConstraint other)
    {
        foreach (var pair in other.Keys)
        {
            foreach (var value in pair.Value)
                Add(pair.Key, value);
        }

        foreach (var pair in other.Prefixes)
        {
            foreach (var prefix in pair.Value)
                AddPrefix(pair.Key, prefix);
        }
    }

    private static void Add(Dictionary<IndexField, HashSet<string>> values, IndexField field, string value)
    {
        if (!values.TryGetValue(field, out var set))
            values[field] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        set.Add(value);
    }
}
