namespace Rampart.Detection.Sigma.Indexing;

/// <summary>
/// Values of which an event must have at least one for a rule to match: the rule need only be tried on
/// events that have one of them. Compared case-insensitively, like Sigma's default.
/// </summary>
internal sealed class IndexConstraint
{
    public Dictionary<IndexField, HashSet<string>> Keys { get; } = [];

    public int KeyCount
    {
        get
        {
            var count = 0;
            foreach (var values in Keys.Values)
                count += values.Count;
            return count;
        }
    }

    /// <summary>
    /// Lower is better. eventName is the most selective CloudTrail field and eventSource the least (one
    /// service emits many events); other fields sit between. Ties go to fewer keys.
    /// </summary>
    public (int Field, int Keys) Rank
    {
        get
        {
            var worst = 0;
            foreach (var key in Keys.Keys)
            {
                var rank = key.Name switch
                {
                    "eventName" => 0,
                    "eventSource" => 2,
                    _ => 1,
                };
                worst = Math.Max(worst, rank);
            }

            return (worst, KeyCount);
        }
    }

    public void Add(IndexField field, string value)
    {
        if (!Keys.TryGetValue(field, out var values))
            Keys[field] = values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        values.Add(value);
    }

    public void AddAll(IndexConstraint other)
    {
        foreach (var pair in other.Keys)
        {
            foreach (var value in pair.Value)
                Add(pair.Key, value);
        }
    }
}
