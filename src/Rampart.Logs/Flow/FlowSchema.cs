using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Rampart.Logs.Flow;

/// <summary>
/// The fields of a flow log file, in order: from its header line, or from the field count of a line without one.
/// Built once per distinct header; events look fields up by name through it.
/// </summary>
internal sealed class FlowSchema
{
    private const int MaxCachedHeaders = 256;
    private static readonly ConcurrentDictionary<string, FlowSchema> Headers = new(StringComparer.Ordinal);
    private static readonly FrozenDictionary<int, FlowSchema> Layouts = FlowFields.HeaderlessLayouts
        .ToFrozenDictionary(count => count, count => new FlowSchema(FlowFields.All[..count]));

    private readonly FrozenDictionary<string, int> _index;
    private readonly bool[] _numeric;

    private FlowSchema(ImmutableArray<string> names)
    {
        Names = names;
        _numeric = [.. names.Select(FlowFields.Numeric.Contains)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            index.TryAdd(names[i], i);
        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
        Start = IndexOf("start");
        Action = IndexOf("action");
        LogStatus = IndexOf("log-status");
        Account = IndexOf("account-id");
        Region = IndexOf("region");
        InterfaceId = IndexOf("interface-id");
        SourceAddress = IndexOf("srcaddr");
    }

    /// <summary>The field names, in the order of the values.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The number of fields.</summary>
    public int Count => Names.Length;

    /// <summary>Indexes of the fields the summary reads, or -1.</summary>
    public int Start { get; }

    public int Action { get; }

    public int LogStatus { get; }

    public int Account { get; }

    public int Region { get; }

    public int InterfaceId { get; }

    public int SourceAddress { get; }

    /// <summary>The schema of a header line (its text is the cache key: files of one flow log share it).</summary>
    public static FlowSchema FromHeader(string header, IReadOnlyList<string> names)
    {
        if (Headers.TryGetValue(header, out var cached))
            return cached;
        var schema = new FlowSchema([.. names]);
        if (Headers.Count < MaxCachedHeaders)
            Headers.TryAdd(header, schema);
        return schema;
    }

    /// <summary>A schema over arbitrary names (JSON records).</summary>
    public static FlowSchema FromNames(ImmutableArray<string> names) => new(names);

    /// <summary>The schema of a line without header, by its field count; null when no known layout has that many fields.</summary>
    public static FlowSchema? ForHeaderless(int fieldCount) => Layouts.GetValueOrDefault(fieldCount);

    /// <summary>The index of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Whether the field at <paramref name="index"/> holds whole numbers.</summary>
    public bool IsNumeric(int index) => _numeric[index];
}
