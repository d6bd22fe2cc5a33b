using System.Globalization;
using System.Runtime.InteropServices;
using Rampart.Core;
using Rampart.Core.Events;
using Rampart.Detection.Sigma.Indexing;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// Per-thread buffers for matching, so that evaluating rules allocates nothing once warmed up. Matching
/// never re-enters itself on one thread, so one set of buffers per thread suffices.
/// </summary>
internal sealed class MatchScratch
{
    [ThreadStatic]
    private static MatchScratch? _current;

    private int _allValuesGeneration = -1;
    private int _generation;
    private int[] _marks = [];
    private int _stamp;
    private char[] _decoded = new char[256];
    private char[] _widened = new char[256];

    // Per field ordinal: the generation its values were collected in, and where they lie in _fieldValues.
    private int[] _fieldStamps = [];
    private (int Start, int Count)[] _fieldRanges = [];
    private readonly List<FieldValue> _fieldValues = new(64);

    // For the indexes met lately (a slot by the index's ordinal, so that a thread meeting rule set after rule set keeps
    // a bounded number), per field: the rules keyed on the values met lately, by string instance.
    private const int KeyedValuesPerField = 1024;
    private readonly (SourceIndex? Index, IdentityCache<string, int[]>?[] Fields)[] _keyedRules = new (SourceIndex?, IdentityCache<string, int[]>?[])[8];
    private LogEvent? _fieldsOf;

    /// <summary>The calling thread's buffers.</summary>
    public static MatchScratch Current => _current ??= new MatchScratch();

    /// <summary>Values of a field referenced with <c>fieldref</c>.</summary>
    public List<FieldValue> References { get; } = new(16);

    /// <summary>Rule positions that are candidates for the current event.</summary>
    public List<int> Candidates { get; } = new(64);

    private List<FieldValue> AllValues { get; } = new(128);

    /// <summary>Starts a new event: values cached for the previous one are stale from now on.</summary>
    public void BeginEvent()
    {
        _generation++;
        _fieldsOf = null;
        _fieldValues.Clear();
    }

    /// <summary>
    /// The values of <paramref name="logEvent"/> at <paramref name="path"/>, collected once per event however many
    /// rules and the index ask (<c>userIdentity.type</c>, <c>eventName</c>): valid until the next event begins.
    /// </summary>
    public ReadOnlySpan<FieldValue> ValuesOf(LogEvent logEvent, FieldPath path)
    {
        if (!ReferenceEquals(logEvent, _fieldsOf))
        {
            // A new event, even one not begun: nothing collected for another may be given for it.
            _generation++;
            _fieldsOf = logEvent;
            _fieldValues.Clear();
        }

        var ordinal = path.Ordinal;
        if (ordinal >= _fieldStamps.Length)
        {
            Array.Resize(ref _fieldStamps, Math.Max(ordinal + 1, _fieldStamps.Length * 2));
            Array.Resize(ref _fieldRanges, _fieldStamps.Length);
        }

        if (_fieldStamps[ordinal] != _generation)
        {
            var start = _fieldValues.Count;
            logEvent.CollectValues(path, _fieldValues);
            _fieldStamps[ordinal] = _generation;
            _fieldRanges[ordinal] = (start, _fieldValues.Count - start);
        }

        var (from, count) = _fieldRanges[ordinal];
        return CollectionsMarshal.AsSpan(_fieldValues).Slice(from, count);
    }

    /// <summary>
    /// The rules the field at <paramref name="position"/> of <paramref name="index"/> keys on <paramref name="value"/>,
    /// kept per string instance: values shared through the reader's cache (event names, identity types) are looked up
    /// by reference once met.
    /// </summary>
    public int[] KeyedRules(SourceIndex index, int position, string value)
    {
        ref var kept = ref _keyedRules[index.Ordinal & (_keyedRules.Length - 1)];
        if (!ReferenceEquals(kept.Index, index))
            kept = (index, new IdentityCache<string, int[]>?[index.FieldCount]);
        var rules = kept.Fields[position] ??= new IdentityCache<string, int[]>(KeyedValuesPerField);
        return rules.Get(value, index.FieldRulesOf(position));
    }

    /// <summary>Every leaf value of the event, collected once per event however many keyword searches ask.</summary>
    public List<FieldValue> GetAllValues(LogEvent logEvent)
    {
        if (_allValuesGeneration != _generation)
        {
            AllValues.Clear();
            logEvent.CollectAllValues(AllValues);
            _allValuesGeneration = _generation;
        }

        return AllValues;
    }

    /// <summary>The characters of ASCII <paramref name="ascii"/>, in a buffer valid until the next call.</summary>
    public ReadOnlySpan<char> Widen(ReadOnlySpan<byte> ascii)
    {
        if (_widened.Length < ascii.Length)
            _widened = new char[Math.Max(ascii.Length, _widened.Length * 2)];
        var length = System.Text.Encoding.Latin1.GetChars(ascii, _widened);
        return _widened.AsSpan(0, length);
    }

    /// <summary>
    /// The JSON text of an object with its string escapes decoded (<c>\"</c> becomes <c>"</c>), in a buffer
    /// valid until the next call. Rules that search a whole object (<c>requestParameters|contains</c>) are
    /// written against what the object says, not how JSON escapes it.
    /// </summary>
    public ReadOnlySpan<char> DecodeJsonText(ReadOnlySpan<char> json)
    {
        if (_decoded.Length < json.Length)
            _decoded = new char[Math.Max(json.Length, _decoded.Length * 2)];
        var length = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                var next = json[++i];
                c = next switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => next,
                };
                if (next == 'u' && i + 4 < json.Length && ushort.TryParse(json.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    c = (char)code;
                    i += 4;
                }
            }

            _decoded[length++] = c;
        }

        return _decoded.AsSpan(0, length);
    }

    /// <summary>
    /// Marks for deduplicating candidate rules: a position is taken when its mark equals the returned
    /// stamp. Stamps only grow, so marks never need clearing between events.
    /// </summary>
    public int[] BeginMarks(int count, out int stamp)
    {
        if (_marks.Length < count || _stamp == int.MaxValue)
        {
            _marks = new int[Math.Max(count, _marks.Length)];
            _stamp = 0;
        }

        stamp = ++_stamp;
        return _marks;
    }
}
