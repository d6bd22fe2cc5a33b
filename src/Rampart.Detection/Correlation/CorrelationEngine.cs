using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Correlation;

/// <summary>
/// Runs a rule set's correlation rules over the matches of its detection rules, in event time. Feed it the
/// matches in a fixed order (<see cref="Add(CorrelationObservation, List{CorrelationMatch})"/>, from one thread) and it gives the same results however they
/// are batched: one hunt or record by record.
/// </summary>
/// <remarks>
/// <para>
/// Each correlation keeps, per group, the matches of the last <c>timespan</c> plus the allowed lateness, in time
/// order. Conditions with only lower bounds (<c>gt</c>, <c>gte</c>, and temporal rules) fire as soon as a window
/// of <c>timespan</c> holding the newest match meets them; the matches of that window are then used up, so a
/// burst fires once per window rather than once per event. Other conditions (upper bounds, <c>eq</c>, sums,
/// means and percentiles) are judged when a window closes: windows start at a group's earliest match and close
/// when the watermark — the latest event time seen, less the lateness — passes their end, or at the end of the
/// input.
/// </para>
/// <para>
/// A match older than the watermark arrives too late to be placed and is counted in <see cref="LateMatches"/>.
/// Memory is bounded by the open groups and the matches inside their windows, not by the input's size.
/// </para>
/// </remarks>
public sealed partial class CorrelationEngine
{
    private const int MaxEventIds = 100;
    private const int SweepEvery = 4096;

    private readonly Dictionary<SigmaRule, RuleFields> _fields = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, List<(State Parent, int Source)>> _consumers = new(ReferenceEqualityComparer.Instance);
    private readonly List<State> _states = [];
    private readonly HashSet<SigmaRule> _generated = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SigmaCorrelation> _silentCorrelations = new(ReferenceEqualityComparer.Instance);
    private readonly TimeSpan _lateness;

    // What adding a match straight from its event reuses: matches are added from one thread at a time.
    private CorrelationObservation? _reused;
    private string?[] _values = [];
    private readonly IdentityCache<SigmaRule, RuleFields?> _recentFields = new(256);
    private Func<SigmaRule, RuleFields?>? _fieldsOf;
    private readonly IAddressLocator? _locator;

    [ThreadStatic]
    private static (string Path, string Stream)? t_stream;
    private readonly Dictionary<string, JsonElement> _keptBaselines = new(StringComparer.OrdinalIgnoreCase);
    private const string BaselineFormat = "rampart-baselines";

    /// <summary>How far a stream's event time moves before every correlation places what it lets them.</summary>
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMinutes(1);

    // Per stream: the latest event time, which every correlation's lateness is measured from.
    private readonly Dictionary<string, Watermark> _watermarks = new(StringComparer.Ordinal);
    private string? _currentStream;
    private Watermark? _currentWatermark;
    private static readonly System.Buffers.SearchValues<char> ProductEnd = System.Buffers.SearchValues.Create(" /,;()[]");
    private int _sinceSweep;

    /// <summary>Prepares the correlations of <paramref name="rules"/>.</summary>
    /// <param name="rules">The rule set, with its correlations.</param>
    /// <param name="lateness">How far behind the latest event time a match may arrive and still be placed.</param>
    /// <param name="locator">Finds countries and network owners for <c>new_value</c> correlations that learn them; without it they learn nothing.</param>
    public CorrelationEngine(SigmaRuleSet rules, TimeSpan lateness, IAddressLocator? locator = null)
    {
        _locator = locator;
        Guard.NotNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(lateness, TimeSpan.Zero);
        _lateness = lateness;
        var byResolved = new Dictionary<ResolvedCorrelation, State>(ReferenceEqualityComparer.Instance);
        foreach (var resolved in rules.ResolvedCorrelations)
        {
            var state = new State(resolved, this)
            {
                Depth = resolved.Sources.OfType<ResolvedCorrelation>().Select(inner => byResolved[inner].Depth + 1).DefaultIfEmpty(0).Max(),
            };
            byResolved[resolved] = state;
            _states.Add(state);
            for (var i = 0; i < resolved.Sources.Length; i++)
            {
                object key = resolved.Sources[i] is ResolvedCorrelation inner ? byResolved[inner] : resolved.Sources[i];
                if (!_consumers.TryGetValue(key, out var list))
                    _consumers[key] = list = [];
                list.Add((state, i));
                if (resolved.Sources[i] is SigmaRule rule)
                    state.Positions[i] = FieldsOf(rule).Register(state, i);
            }
        }

        foreach (var (rule, fields) in _fields)
            fields.Consumers = _consumers[rule];

        foreach (var correlation in rules.ResolvedCorrelations.Where(correlation => correlation.Rule.Generate))
            _generated.UnionWith(correlation.Sources.OfType<SigmaRule>());

        // A correlation that others build on only feeds them, like a detection rule, unless one of them generates.
        var used = rules.ResolvedCorrelations.SelectMany(c => c.Sources.OfType<ResolvedCorrelation>().Select(inner => (Inner: inner.Rule, c.Rule.Generate))).ToList();
        foreach (var inner in used.Select(u => u.Inner).Distinct())
        {
            if (!used.Any(u => ReferenceEquals(u.Inner, inner) && u.Generate))
                _silentCorrelations.Add(inner);
        }
    }

    /// <summary>Whether there is anything to correlate.</summary>
    public bool HasCorrelations => _states.Count > 0;

    /// <summary>Matches that arrived behind the watermark and were not placed.</summary>
    public long LateMatches { get; private set; }

    /// <summary>Matches of events without a time, which cannot be placed in a window.</summary>
    public long UntimedMatches { get; private set; }

    /// <summary>Open groups across all correlations: what the engine's memory grows with.</summary>
    public int OpenGroups => _states.Sum(state => state.Groups.Count);

    /// <summary>Values learned by <c>new_value</c> correlations, across their groups: what baselines hold.</summary>
    public long LearnedValues => _states.Sum(state => state.Baselines.Learned);

    /// <summary>The <c>new_value</c> correlations' baselines, by correlation id: what a state file keeps between hunts.</summary>
    public IReadOnlyDictionary<string, Baseline> Baselines =>
        _states.Where(state => state.Rule.Type == CorrelationType.NewValue).ToDictionary(state => state.Rule.Id, state => state.Baselines, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a correlation uses the matches of <paramref name="rule"/>.</summary>
    public bool IsCorrelated(SigmaRule rule) => _fields.ContainsKey(rule);

    /// <summary>
    /// Whether the matches of <paramref name="rule"/> are reported on their own: always for rules no correlation
    /// uses; for the others only when a correlation using them says <c>generate: true</c>, as the specification asks.
    /// </summary>
    public bool Generates(SigmaRule rule) => !IsCorrelated(rule) || _generated.Contains(rule);

    /// <summary>Whether <paramref name="correlation"/> reports when it fires: unless other correlations use it and none of them says <c>generate: true</c>.</summary>
    public bool Generates(SigmaCorrelation correlation) => !_silentCorrelations.Contains(Guard.NotNull(correlation));

    /// <summary>Takes what correlations need from an event <paramref name="rule"/> matched, to be added later. Thread-safe.</summary>
    public CorrelationObservation Observe(SigmaRule rule, LogEvent logEvent, EventSummary summary)
    {
        Guard.NotNull(rule);
        Guard.NotNull(logEvent);
        Guard.NotNull(summary);
        var paths = _fields.TryGetValue(rule, out var fields) ? fields.Paths : [];
        var values = paths.Count == 0 ? [] : new string?[paths.Count];
        Collect(paths, values, logEvent, values);
        return new CorrelationObservation(rule, summary.Time, summary, StreamOf(logEvent, summary), values);
    }

    /// <summary>
    /// Adds a match of <paramref name="rule"/> straight from its event, when it is the next in input order (as
    /// <see cref="Add(CorrelationObservation, List{CorrelationMatch})"/>): nothing is copied unless a correlation keeps
    /// it, and the event's <paramref name="summary"/>, when not given, is made only then (and given back, for the
    /// event's other matches).
    /// </summary>
    public void Add(SigmaRule rule, LogEvent logEvent, ref EventSummary? summary, List<CorrelationMatch> matches)
    {
        Guard.NotNull(rule);
        Guard.NotNull(logEvent);
        Guard.NotNull(matches);
        var fields = _recentFields.Get(rule, _fieldsOf ??= FieldsOrNull);
        var paths = fields is null ? [] : fields.Paths;
        var buffer = _values.Length >= paths.Count ? _values : _values = new string?[paths.Count];
        Collect(paths, fields is null ? buffer : fields.Recent, logEvent, buffer);
        var time = summary is null ? logEvent.Time : summary.Time;
        var observation = _reused ??= new CorrelationObservation(rule, time, summary!, "", buffer);
        observation.Reuse(rule, time, logEvent, summary, StreamOf(logEvent, summary), buffer);
        Add(observation, fields?.Consumers, matches);
        summary ??= observation.MadeSummary;
    }

    // The values at the rule's paths into values (from index 0). Matches are added from one thread at a time, so the
    // strings each path held last are kept (recent) and given again when the next match's value is the same.
    private static void Collect(List<FieldPath> paths, string?[] recent, LogEvent logEvent, string?[] values)
    {
        // The rule that matched has mostly read these fields already: what it collected for this event is reused.
        var scratch = MatchScratch.Current;
        for (var i = 0; i < paths.Count; i++)
        {
            values[i] = null;
            foreach (ref readonly var value in scratch.ValuesOf(logEvent, paths[i]))
            {
                if (!value.IsNull)
                {
                    values[i] = value.TextReusing(ref recent[i]);
                    break;
                }
            }
        }
    }

    // Every event of a file is in the file's stream: worked out once per file and thread. An event read from no file
    // needs its summary (its account and region name the stream).
    private static string StreamOf(LogEvent logEvent, EventSummary? summary)
    {
        var path = logEvent.Origin.Path;
        if (string.IsNullOrEmpty(path))
        {
            summary ??= logEvent.Summarize();
            return summary.Account + "/" + summary.Region;
        }

        var cache = t_stream;
        if (cache is null || !ReferenceEquals(cache.Value.Path, path))
            t_stream = cache = (path, StreamOfFile(path));
        return cache.Value.Stream;
    }

    /// <summary>Adds one match, in input order; correlations that fire are appended to <paramref name="matches"/>, chained ones after those they build on.</summary>
    public void Add(CorrelationObservation observation, List<CorrelationMatch> matches)
    {
        Guard.NotNull(observation);
        Guard.NotNull(matches);
        Add(observation, _fields.GetValueOrDefault(observation.Rule)?.Consumers, matches);
    }

    private void Add(CorrelationObservation observation, List<(State Parent, int Source)>? consumers, List<CorrelationMatch> matches)
    {
        if (observation.Time is not { } time)
        {
            UntimedMatches++;
            return;
        }

        var stream = observation.Stream;
        if (!ReferenceEquals(stream, _currentStream) && !string.Equals(stream, _currentStream, StringComparison.Ordinal))
        {
            // Input moves from stream to stream (account by account, region by region): what the previous stream left
            // waiting is placed before this one's matches, as that stream will not come back.
            PlaceAll(matches);
            _currentStream = stream;
            if (!_watermarks.TryGetValue(stream, out _currentWatermark))
                _watermarks[stream] = _currentWatermark = new Watermark(_watermarks.Count);
        }

        var watermark = _currentWatermark!;
        if (time > watermark.Latest)
        {
            watermark.Latest = time;

            // Correlations no match has reached for a while still place what their stream's progress lets them.
            if (time - watermark.Flushed >= FlushEvery)
            {
                watermark.Flushed = time;
                foreach (var state in _states)
                    state.PlaceUpTo(watermark, matches);
            }
        }

        if (consumers is not null)
        {
            foreach (var (state, source) in consumers)
            {
                // Baselines mostly meet values they know: those are turned away without building an entry.
                var positions = state.Positions[source];
                if (state.IsNewValue && state.Knows(positions, observation.Values, time))
                    continue;
                var (group, key) = state.GroupOf(positions.Group, observation.Values);
                var value = positions.Value >= 0 ? observation.Values[positions.Value] : null;
                state.Add(new Entry(time, source, observation.Summary, observation.Stream, observation.Rule.Id, group, key, value), matches, watermark);
            }
        }

        if (++_sinceSweep >= SweepEvery)
        {
            _sinceSweep = 0;
            foreach (var state in _states)
                state.Sweep(matches);
        }
    }

    /// <summary>The input has ended: judges every window still open.</summary>
    public void Complete(List<CorrelationMatch> matches)
    {
        Guard.NotNull(matches);
        foreach (var state in _states)
            state.CloseAll(matches);
    }

    // Places every waiting match of every correlation, inner correlations first so that what they fire reaches the
    // correlations built on them before those place their own.
    private void PlaceAll(List<CorrelationMatch> matches)
    {
        foreach (var state in _states)
            state.PlacePending(matches);
    }

    /// <summary>The latest event time seen in a stream, and the time up to which correlations last placed their matches.</summary>
    private sealed class Watermark(int id)
    {
        /// <summary>The stream's number, in the order streams were first met.</summary>
        public int Id { get; } = id;

        public DateTimeOffset Latest { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset Flushed { get; set; } = DateTimeOffset.MinValue;
    }

    private string? Transform(string value, ValueTransform transform)
    {
        if (transform == ValueTransform.None)
            return value;
        if (transform == ValueTransform.Product)
        {
            // "aws-cli/2.15.19 Python/3.11.8 …" is aws-cli; "[S3Console/0.4, aws-internal/3 …]" is S3Console.
            var product = value.AsSpan().TrimStart(" [");
            var end = product.IndexOfAny(ProductEnd);
            return (end < 0 ? product : product[..end]).ToString() is { Length: > 0 } name ? name : null;
        }

        if (!IPAddress.TryParse(value, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && value.Count(c => c == '.') != 3))
            return transform == ValueTransform.Network ? value : null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        switch (transform)
        {
            case ValueTransform.Country:
                return _locator?.Country(address);
            case ValueTransform.Asn:
                return _locator?.Asn(address);
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length == 4 ? 24 : 48;
        for (var i = prefix / 8; i < bytes.Length; i++)
            bytes[i] = 0;
        return new IPAddress(bytes) + "/" + prefix.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes every <c>new_value</c> baseline — and those read from an earlier state that this rule set does not
    /// load, so that hunting with fewer rules loses nothing — as one JSON document.
    /// </summary>
    public void SaveBaselines(Stream stream)
    {
        Guard.NotNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", BaselineFormat);
        json.WriteNumber("version", 1);
        json.WriteStartObject("correlations");
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in _states.Where(state => state.Rule.Type == CorrelationType.NewValue).OrderBy(state => state.Rule.Id, StringComparer.OrdinalIgnoreCase))
        {
            if (!written.Add(state.Rule.Id))
                continue;
            json.WriteStartObject(state.Rule.Id);
            json.WriteString("title", state.Rule.Title);
            json.WritePropertyName("groups");
            state.Baselines.WriteTo(json);
            json.WriteEndObject();
        }

        foreach (var (id, kept) in _keptBaselines.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!written.Contains(id))
            {
                json.WritePropertyName(id);
                kept.WriteTo(json);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Continues from baselines <see cref="SaveBaselines"/> wrote. Returns a reason when the document is not a
    /// baseline state; baselines of correlations not loaded now are kept for the next save.
    /// </summary>
    public string? LoadBaselines(Stream stream)
    {
        Guard.NotNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return "not valid JSON at line " + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != BaselineFormat || !root.TryGetProperty("correlations", out var correlations) || correlations.ValueKind != JsonValueKind.Object)
                return "not a Rampart baseline state (\"format\": \"" + BaselineFormat + "\")";
            var byId = _states.Where(state => state.Rule.Type == CorrelationType.NewValue)
                .GroupBy(state => state.Rule.Id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var correlation in correlations.EnumerateObject())
            {
                if (!byId.TryGetValue(correlation.Name, out var state))
                {
                    _keptBaselines[correlation.Name] = correlation.Value.Clone();
                    continue;
                }

                if (correlation.Value.ValueKind != JsonValueKind.Object || !correlation.Value.TryGetProperty("groups", out var groups)
                    || !state.Baselines.ReadFrom(groups, state.Rule.GroupBy.Length, KeyOf))
                    return $"the baseline of correlation {correlation.Name} is not in its shape (or its group-by changed)";
            }
        }

        return null;
    }

    private RuleFields? FieldsOrNull(SigmaRule rule) => _fields.GetValueOrDefault(rule);

    private RuleFields FieldsOf(SigmaRule rule)
    {
        if (!_fields.TryGetValue(rule, out var fields))
            _fields[rule] = fields = new RuleFields();
        return fields;
    }

    private void Fired(State state, CorrelationMatch match, List<CorrelationMatch> matches)
    {
        matches.Add(match);
        if (!_consumers.TryGetValue(state, out var parents))
            return;
        foreach (var (parent, source) in parents)
        {
            string? Lookup(string field)
            {
                var wanted = FieldIn(parent.Rule, field, state.Rule.Name);
                foreach (var pair in match.Group)
                {
                    if (string.Equals(pair.Key, wanted, StringComparison.Ordinal))
                        return pair.Value;
                }

                return null;
            }

            var group = parent.Rule.GroupBy.Select(Lookup).ToArray();
            var value = parent.Rule.Condition?.Field is { } field ? Lookup(field) : null;
            parent.Add(new Entry(match.WindowEnd, source, match.Last, match.Stream, match.Correlation.Id, group, KeyOf(group), value), matches);
        }
    }

    // The field a group-by field or alias stands for in the matches of the source named sourceName.
    private static string FieldIn(SigmaCorrelation correlation, string field, string? sourceName) =>
        sourceName is not null && correlation.Aliases.TryGetValue(field, out var byRule) && byRule.TryGetValue(sourceName, out var aliased) ? aliased : field;

    private static string KeyOf(string?[] group)
    {
        // The groups of one correlation all have as many values, so one value is its own key.
        if (group.Length == 1)
            return group[0] ?? "\u0000";
        var length = 0;
        foreach (var value in group)
            length += (value?.Length ?? 1) + 1;
        return string.Create(length, group, static (key, group) =>
        {
            var at = 0;
            foreach (var value in group)
            {
                var text = value ?? "\u0000";
                text.CopyTo(key[at..]);
                at += text.Length;
                key[at++] = '\u001f';
            }
        });
    }

    // The fields one detection rule's events must yield: each correlation source using the rule keeps the
    // positions of its group-by fields and measured field in the observation's values.
    private sealed class RuleFields
    {
        public List<FieldPath> Paths { get; } = [];

        /// <summary>The correlation sources that use the rule.</summary>
        public List<(State Parent, int Source)> Consumers { get; set; } = [];

        /// <summary>Per path, the string the last match added from its event held there.</summary>
        public string?[] Recent => _recent.Length == Paths.Count ? _recent : _recent = new string?[Paths.Count];

        private string?[] _recent = [];

        public (int[] Group, int Value) Register(State state, int source)
        {
            var rule = state.Rule;
            var name = ((SigmaRule)state.Resolved.Sources[source]).Name;
            int PositionOf(string field)
            {
                var path = FieldPath.Parse(FieldIn(rule, field, name));
                var at = Paths.FindIndex(existing => existing.Equals(path));
                if (at >= 0)
                    return at;
                Paths.Add(path);
                return Paths.Count - 1;
            }

            var group = rule.GroupBy.Select(PositionOf).ToArray();
            var value = rule.Condition?.Field is { } measured ? PositionOf(measured) : -1;
            return (group, value);
        }
    }

    // The S3 layout delivers each log (an account's trail in a region, one flow log, one query log configuration)
    // under dated folders, in files named with the time they cover after a fixed prefix: that folder and prefix
    // name a stream whose files sort in time order. A file outside that layout is a stream of its own.
    private static string StreamOfFile(string path)
    {
        var name = Path.GetFileName(path);
        var stamp = FileTimestamp().Match(name);
        if (!stamp.Success)
            return path;
        var folder = Path.GetDirectoryName(path) ?? "";
        var dated = DatedFolders().Match(folder);
        return (dated.Success ? folder[..dated.Index] : folder) + "/" + name[..stamp.Index];
    }

    [GeneratedRegex(@"[/\\]\d{4}[/\\]\d{2}[/\\]\d{2}$")]
    private static partial Regex DatedFolders();

    [GeneratedRegex(@"\d{8}T\d{4}Z")]
    private static partial Regex FileTimestamp();

    /// <summary>Something kept in time order, by its time in UTC ticks.</summary>
    private interface ITimed
    {
        long Ticks { get; }
    }

    // The first of items[from..to), which are in time order, later than ticks; to when none is. Matches mostly
    // arrive in order, so the last is looked at first; otherwise found by halving.
    private static int FirstLaterThan<T>(T[] items, int from, int to, long ticks)
        where T : struct, ITimed
    {
        if (to == from || items[to - 1].Ticks <= ticks)
            return to;
        var low = from;
        var high = to - 1;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (items[middle].Ticks > ticks)
                high = middle;
            else
                low = middle + 1;
        }

        return low;
    }

    /// <summary>A waiting match's time and the slot that holds it.</summary>
    private readonly record struct Waiting(long Ticks, int Slot) : ITimed;

    /// <summary>
    /// Matches of one stream waiting to be placed, taken in time order (ties in arrival order). Records arrive a few
    /// minutes out of order, and a file delivered after another may cover the same minutes: a match finds its place
    /// among the later ones by halving, and room is made by moving plain (time, slot) pairs, while the matches
    /// themselves stay in their slots.
    /// </summary>
    private sealed class PendingEntries
    {
        private Waiting[] _order = new Waiting[16];
        private int _head;
        private int _count;
        private Entry?[] _entries = new Entry?[16];
        private int[] _freeSlots = new int[16];
        private int _freeCount;
        private int _slotsUsed;

        /// <summary>The stream's watermark, once a match brought it.</summary>
        public Watermark? Watermark { get; private set; }

        public void Insert(Entry entry, Watermark? watermark)
        {
            Watermark ??= watermark;
            if (_count == _order.Length)
            {
                if (_head * 2 >= _count)
                {
                    // Half the array is taken already: the rest moves to its start instead of growing it.
                    Array.Copy(_order, _head, _order, 0, _count - _head);
                    _count -= _head;
                    _head = 0;
                }
                else
                {
                    Array.Resize(ref _order, _order.Length * 2);
                }
            }

            // After every match of the same time or earlier: the end, or found by halving when the match is behind.
            var ticks = entry.Time.UtcTicks;
            var at = FirstLaterThan(_order, _head, _count, ticks);
            if (at < _count)
                Array.Copy(_order, at, _order, at + 1, _count - at);

            var slot = _freeCount > 0 ? _freeSlots[--_freeCount] : NewSlot();
            _entries[slot] = entry;
            _order[at] = new Waiting(ticks, slot);
            _count++;
        }

        public bool TryTakeUpTo(DateTimeOffset limit, out Entry entry)
        {
            if (_head < _count && _order[_head].Ticks <= limit.UtcTicks)
            {
                var slot = _order[_head++].Slot;
                entry = _entries[slot]!;
                _entries[slot] = null;
                _freeSlots[_freeCount++] = slot;
                if (_head == _count)
                    _head = _count = 0;
                return true;
            }

            entry = null!;
            return false;
        }

        private int NewSlot()
        {
            if (_slotsUsed == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
                Array.Resize(ref _freeSlots, _entries.Length);
            }

            return _slotsUsed++;
        }
    }

    /// <summary>
    /// What a window of matches measures, kept up to date as matches enter and leave it. A match counted in keeps the
    /// counter of its value, so that counting it out looks nothing up.
    /// </summary>
    private sealed class WindowCounts
    {
        private readonly Dictionary<string, StrongBox<int>> _values = new(StringComparer.Ordinal);
        private int[] _sources = [];
        private int _distinctSources;
        private int _events;

        public void Reset(int sourceCount)
        {
            _values.Clear();
            _sources = new int[sourceCount];
            _distinctSources = 0;
            _events = 0;
        }

        /// <summary>Counts a match in; returns the counter of its value, for counting it out.</summary>
        public StrongBox<int>? In(string? value, int source)
        {
            _events++;
            StrongBox<int>? counter = null;
            if (value is not null)
            {
                ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, value, out _);
                counter = kept ??= new StrongBox<int>();
                counter.Value++;
            }

            if (_sources[source]++ == 0)
                _distinctSources++;
            return counter;
        }

        /// <summary>Counts out a match that <see cref="In"/> counted in, with the counter it gave.</summary>
        public void Out(string? value, StrongBox<int>? counter, int source)
        {
            _events--;
            if (counter is not null && --counter.Value == 0)
                _values.Remove(value!);
            if (--_sources[source] == 0)
                _distinctSources--;
        }

        public double Measure(CorrelationType type) => type switch
        {
            CorrelationType.EventCount => _events,
            CorrelationType.ValueCount => _values.Count,
            _ => _distinctSources,
        };
    }

    /// <summary>
    /// A group's matches in time order, with running counts over the window that ends at the newest match, so that a
    /// match arriving in order is judged in constant time; anything else (a late match, matches taken away) makes
    /// the counts be rebuilt when next needed.
    /// </summary>
    /// <remarks>
    /// Each match's time, measured value and source lie beside it in one array, so that counting a window in and out
    /// reads that array rather than every match, allocated one by one across the heap; the oldest matches leave by
    /// moving the array's start.
    /// </remarks>
    private sealed class GroupEntries
    {
        private Kept[] _items = new Kept[4];
        private int _head;
        private readonly WindowCounts _counts = new();
        private bool _valid;

        private struct Kept : ITimed
        {
            public long Ticks { get; init; }

            public string? Value;
            public int Source;
            public Entry Entry;

            // The counter its value was counted in with, while it is in a counted window.
            public StrongBox<int>? Counter;
        }

        public int Count { get; private set; }

        public Entry this[int index] => _items[_head + index].Entry;

        /// <summary>The first match of the counted window, when the counts are valid.</summary>
        public int Start { get; private set; }

        /// <summary>The last match of the counted window, when the counts are valid.</summary>
        public int End { get; private set; }

        /// <summary>The time of the match at <paramref name="index"/>, in UTC ticks.</summary>
        public long TicksAt(int index) => _items[_head + index].Ticks;

        public void Invalidate() => _valid = false;

        /// <summary>The watermark of the stream the newest match came from, when known: what a sweep judges the group by.</summary>
        public Watermark? NewestWatermark { get; private set; }

        public void Insert(int at, Entry entry, Watermark? watermark)
        {
            if (_head + Count == _items.Length)
            {
                if (_head * 2 >= _items.Length)
                {
                    Array.Copy(_items, _head, _items, 0, Count);
                    Array.Clear(_items, Count, _head);
                    _head = 0;
                }
                else
                {
                    Array.Resize(ref _items, _items.Length * 2);
                }
            }

            var position = _head + at;
            if (at < Count)
                Array.Copy(_items, position, _items, position + 1, Count - at);
            _items[position] = new Kept { Ticks = entry.Time.UtcTicks, Value = entry.Value, Source = entry.Source, Entry = entry };
            Count++;
            if (at == Count - 1)
                NewestWatermark = watermark;
        }

        /// <summary>Removes the first <paramref name="count"/> matches, keeping the counts when none of them was in the window.</summary>
        public void RemoveFirst(int count)
        {
            Array.Clear(_items, _head, count);
            _head += count;
            Count -= count;
            if (Count == 0)
                _head = 0;
            if (_valid && count <= Start)
            {
                Start -= count;
                End -= count;
            }
            else
            {
                _valid = false;
            }
        }

        /// <summary>The matches from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
        public List<Entry> Range(int start, int end)
        {
            var range = new List<Entry>(end - start + 1);
            for (var i = start; i <= end; i++)
                range.Add(this[i]);
            return range;
        }

        /// <summary>The last match at or before <paramref name="ticks"/>, or -1.</summary>
        /// <remarks>
        /// Mostly the newest. Otherwise found by halving: a group fed from several streams (a role used in two regions,
        /// whose files come one region after the other) holds matches far ahead of the ones still arriving.
        /// </remarks>
        public int LastAtOrBefore(long ticks) => FirstLaterThan(_items, _head, _head + Count, ticks) - _head - 1;

        /// <summary>
        /// Counts the window ending at the match just inserted at <paramref name="at"/>, moving on from the counted window
        /// when it ended right before; returns what the window measures.
        /// </summary>
        public double Extend(int at, CorrelationType type, TimeSpan timespan, int sourceCount)
        {
            if (!_valid || at != End + 1)
            {
                _counts.Reset(sourceCount);
                Start = StartOfWindow(at, timespan);
                for (var i = Start; i <= at; i++)
                    CountIn(_counts, i);
                _valid = true;
            }
            else
            {
                CountIn(_counts, at);
                var oldest = TicksAt(at) - timespan.Ticks;
                while (TicksAt(Start) < oldest)
                    CountOut(_counts, Start++);
            }

            End = at;
            return _counts.Measure(type);
        }

        /// <summary>
        /// The first window, among those ending at <paramref name="at"/> and at the later matches within a timespan of
        /// it, whose measure meets <paramref name="holds"/>: its first and last index, or -1 as the last. One sweep over
        /// the matches involved, with counts of its own (the kept counts are left invalid).
        /// </summary>
        public (int From, int To) FirstHolding(int at, CorrelationType type, TimeSpan timespan, int sourceCount, Func<double, bool> holds)
        {
            var counts = new WindowCounts();
            counts.Reset(sourceCount);
            var added = TicksAt(at);
            var start = StartOfWindow(at, timespan);
            for (var i = start; i < at; i++)
                CountIn(counts, i);
            for (var end = at; end < Count && TicksAt(end) - added <= timespan.Ticks; end++)
            {
                CountIn(counts, end);
                while (TicksAt(start) < TicksAt(end) - timespan.Ticks)
                    CountOut(counts, start++);
                if (holds(counts.Measure(type)))
                    return (start, end);
            }

            return (-1, -1);
        }

        /// <summary>The first match of the window that ends at the match at index <paramref name="end"/>.</summary>
        public int StartOfWindow(int end, TimeSpan timespan)
        {
            var oldest = TicksAt(end) - timespan.Ticks;
            var start = end;
            while (start > 0 && TicksAt(start - 1) >= oldest)
                start--;
            return start;
        }

        // Counts are counted in and out by one WindowCounts at a time: the kept counts are rebuilt after others counted.
        private void CountIn(WindowCounts counts, int index)
        {
            ref var item = ref _items[_head + index];
            item.Counter = counts.In(item.Value, item.Source);
        }

        private void CountOut(WindowCounts counts, int index)
        {
            ref var item = ref _items[_head + index];
            counts.Out(item.Value, item.Counter, item.Source);
        }
    }

    // Key: the group's key (KeyOf), made while the match's values are at hand rather than when it is placed.
    private sealed record Entry(DateTimeOffset Time, int Source, EventSummary Summary, string Stream, string RuleId, string?[] Group, string Key, string? Value);

    private sealed class State(ResolvedCorrelation resolved, CorrelationEngine engine)
    {
        public ResolvedCorrelation Resolved { get; } = resolved;

        public SigmaCorrelation Rule => Resolved.Rule;

        /// <summary>Per source that is a detection rule, where its group-by and measured values lie in the rule's observations.</summary>
        public (int[] Group, int Value)[] Positions { get; } = new (int[], int)[resolved.Sources.Length];

        public Dictionary<string, GroupEntries> Groups { get; } = new(StringComparer.Ordinal);

        // Per stream, the matches not yet placed, in the order streams came; also by the stream's number.
        private readonly Dictionary<string, PendingEntries> _pending = new(StringComparer.Ordinal);
        private PendingEntries?[] _pendingById = [];
        private string? _lastKey;
        private readonly IdentityCache<string, string?> _transformed = new(256);
        private readonly ValueTransform _transform = resolved.Rule.Condition?.Transform ?? ValueTransform.None;
        private Func<string, string?>? _transformRaw;
        private Func<double, bool>? _holds;
        private GroupEntries? _lastGroup;
        private readonly IdentityCache<string, GroupEntries> _recentGroups = new(64);
        private Func<string, GroupEntries>? _groupNamed;

        // Read for every match placed: worked out once.
        private readonly bool _firesEarly = resolved.Rule.Type switch
        {
            CorrelationType.Temporal or CorrelationType.TemporalOrdered => resolved.Rule.Condition is null || resolved.Rule.Condition.OnlyLowerBounds,
            CorrelationType.EventCount or CorrelationType.ValueCount => resolved.Rule.Condition!.OnlyLowerBounds,
            _ => false,
        };

        // Windows counted as they grow: counts and distinct counts (values or rules) that fire on lower bounds.
        private readonly bool _counted = resolved.Rule.Type is CorrelationType.EventCount or CorrelationType.ValueCount or CorrelationType.Temporal;

        private readonly CorrelationType _type = resolved.Rule.Type;

        private readonly TimeSpan _timespan = resolved.Rule.Timespan;

        private readonly int _sourceCount = resolved.Sources.Length;

        public bool IsNewValue => _type == CorrelationType.NewValue;

        // The group-by values of the last match added: a principal's matches in a row share one array (never changed).
        private string?[]? _lastGroupValues;
        private string _lastGroupKey = "";

        /// <summary>The group-by values at <paramref name="positions"/> of an observation's values, and their key.</summary>
        public (string?[] Group, string Key) GroupOf(int[] positions, string?[] values)
        {
            if (positions.Length == 0)
                return ([], "");
            if (_lastGroupValues is { } last && last.Length == positions.Length)
            {
                var same = true;
                for (var i = 0; i < positions.Length && same; i++)
                    same = ReferenceEquals(last[i], values[positions[i]]);
                if (same)
                    return (last, _lastGroupKey);
            }

            var group = new string?[positions.Length];
            for (var i = 0; i < positions.Length; i++)
                group[i] = values[positions[i]];
            _lastGroupValues = group;
            return (group, _lastGroupKey = KeyOf(group));
        }

        /// <summary>For <c>new_value</c>, what each group has taken so far.</summary>
        public Baseline Baselines { get; } = new();

        public void Add(Entry entry, List<CorrelationMatch> matches, Watermark? watermark = null)
        {
            if (_type == CorrelationType.NewValue)
            {
                AddToBaseline(entry, matches);
                return;
            }

            // A match further behind its stream's watermark than this correlation's lateness is late. Correlations
            // built on others wait one lateness more per level, as the matches of those arrive that much later.
            // What correlations built on fire is never late: they fire when their own matches are placed, however far
            // the stream has moved on since (a sparse rule's matches wait for the stream's next match to be placed).
            if (watermark is null)
                engine._watermarks.TryGetValue(entry.Stream, out watermark);
            var latest = watermark?.Latest ?? entry.Time;
            if (entry.Time < latest - Lateness && Resolved.Sources[entry.Source] is not ResolvedCorrelation)
            {
                engine.LateMatches++;
                return;
            }

            // Matches wait until their stream's watermark passes them, then are placed in time order: records
            // arrive a few minutes out of order within CloudTrail files, and in order most windows are counted,
            // not re-measured. Results are those of sorted input. Records arrive nearly in order, so a match
            // usually joins the end of the waiting list.
            // Streams' names are long: a stream's waiting list is found by its number.
            var pending = PendingOf(entry.Stream, watermark);
            pending.Insert(entry, watermark);
            var limit = (latest > entry.Time ? latest : entry.Time) - Lateness;
            while (pending.TryTakeUpTo(limit, out var next))
                Place(next, pending.Watermark, matches);
        }

        // A group's key is mostly one value (a principal) whose string is shared through the reader's cache of values:
        // groups met lately are found by that string before their keys are hashed.
        private GroupEntries GroupNamed(string key)
        {
            if (!Groups.TryGetValue(key, out var entries))
                Groups[key] = entries = new GroupEntries();
            return entries;
        }

        private void RemoveGroup(string key)
        {
            if (Groups.Remove(key, out var removed))
                _recentGroups.Forget(removed);
            if (string.Equals(key, _lastKey, StringComparison.Ordinal))
            {
                _lastKey = null;
                _lastGroup = null;
            }
        }

        /// <summary>How far behind its stream's latest event time a match may arrive: one lateness per level of chaining.</summary>
        public TimeSpan Lateness => _latenessOfDepth ??= TimeSpan.FromTicks(engine._lateness.Ticks * (Depth + 1));

        private TimeSpan? _latenessOfDepth;

        /// <summary>0 for a correlation of detection rules; one more than the deepest correlation it is built on otherwise.</summary>
        public int Depth { get; init; }

        private PendingEntries PendingOf(string stream, Watermark? watermark)
        {
            if (watermark is not null && watermark.Id < _pendingById.Length && _pendingById[watermark.Id] is { } known)
                return known;
            if (!_pending.TryGetValue(stream, out var pending))
                _pending[stream] = pending = new PendingEntries();
            if (watermark is not null)
            {
                if (watermark.Id >= _pendingById.Length)
                    Array.Resize(ref _pendingById, Math.Max(watermark.Id + 1, _pendingById.Length * 2));
                _pendingById[watermark.Id] = pending;
            }

            return pending;
        }

        /// <summary>Places the matches of the stream whose <paramref name="watermark"/> has passed them.</summary>
        public void PlaceUpTo(Watermark watermark, List<CorrelationMatch> matches)
        {
            if (watermark.Id >= _pendingById.Length || _pendingById[watermark.Id] is not { } pending)
                return;
            var limit = watermark.Latest - Lateness;
            while (pending.TryTakeUpTo(limit, out var next))
                Place(next, pending.Watermark, matches);
        }

        // Places every match still waiting, stream by stream in the order they came, each in time order.
        public void PlacePending(List<CorrelationMatch> matches)
        {
            foreach (var pending in _pending.Values)
            {
                while (pending.TryTakeUpTo(DateTimeOffset.MaxValue, out var next))
                    Place(next, pending.Watermark, matches);
            }
        }

        private void Place(Entry entry, Watermark? watermark, List<CorrelationMatch> matches)
        {
            // One principal's matches in a row share one key string (see GroupOf), and so one group.
            var key = entry.Key;
            GroupEntries? entries;
            if (ReferenceEquals(key, _lastKey) && _lastGroup is { } last)
            {
                entries = last;
            }
            else
            {
                entries = _recentGroups.Get(key, _groupNamed ??= GroupNamed);
                _lastKey = key;
                _lastGroup = entries;
            }

            var ticks = entry.Time.UtcTicks;
            var at = entries.LastAtOrBefore(ticks) + 1;
            entries.Insert(at, entry, watermark);

            // A match whose window no later match's window reaches (the newest, or the newest of its stream in a group
            // other streams fed) is counted into the window kept for the previous such match, not measured again.
            if (_firesEarly && _counted && (at == entries.Count - 1 || entries.TicksAt(at + 1) - ticks > _timespan.Ticks))
            {
                var measured = entries.Extend(at, _type, _timespan, _sourceCount);
                if (Holds(measured) && Judge(entries, entries.Start, at, measured) is { } match)
                {
                    entries.RemoveFirst(at + 1);
                    if (entries.Count == 0)
                        RemoveGroup(key);
                    engine.Fired(this, match, matches);
                }

                return;
            }

            entries.Invalidate();
            if (_firesEarly && _counted)
            {
                // Windows ending at the new match and at the later ones within reach, counted in one sweep.
                var (from, to) = entries.FirstHolding(at, _type, _timespan, _sourceCount, _holds ??= Holds);
                if (to >= 0 && Judge(entries, from, to) is { } fired)
                {
                    entries.RemoveFirst(to + 1);
                    if (entries.Count == 0)
                        RemoveGroup(key);
                    engine.Fired(this, fired, matches);
                }

                return;
            }

            if (_firesEarly)
            {
                // Windows ending at the new match and, for a match that came late, at the later ones within reach.
                for (var end = at; end < entries.Count && entries.TicksAt(end) - ticks <= Rule.Timespan.Ticks; end++)
                {
                    var start = entries.StartOfWindow(end, Rule.Timespan);
                    if (Judge(entries, start, end) is { } match)
                    {
                        entries.RemoveFirst(end + 1);
                        if (entries.Count == 0)
                            RemoveGroup(key);
                        engine.Fired(this, match, matches);
                        return;
                    }
                }
            }
        }

        // Whether what a window measured meets the condition; without one, every rule the correlation names took part.
        private bool Holds(double measured) =>
            Rule.Condition is { } condition ? condition.Holds(measured) : measured >= Resolved.Sources.Length;

        // Values repeat (one client's user agent, one address), and cached strings share one instance: transforms are
        // kept by the raw string's identity.
        private string? Transformed(string raw)
        {
            if (_transform == ValueTransform.None)
                return raw;
            return _transformed.Get(raw, _transformRaw ??= raw => engine.Transform(raw, _transform));
        }

        /// <summary>Whether a <c>new_value</c> baseline already knows the value of these observation values for their group.</summary>
        public bool Knows((int[] Group, int Value) positions, string?[] values, DateTimeOffset time)
        {
            var (group, at) = positions;
            if (at < 0 || values[at] is not { } raw)
                return true;
            if (Transformed(raw) is not { } value)
                return true;
            string key;
            if (group.Length == 1)
            {
                key = values[group[0]] ?? "\u0000";
            }
            else
            {
                var parts = new string?[group.Length];
                for (var i = 0; i < group.Length; i++)
                    parts[i] = values[group[i]];
                key = KeyOf(parts);
            }

            return Baselines.Knows(key, value, time);
        }

        // Values seen during a group's learning period (from its first match) are learned quietly; after it, a value
        // the group never took fires once and is learned. Input order decides, so results do not depend on threads.
        private void AddToBaseline(Entry entry, List<CorrelationMatch> matches)
        {
            if (entry.Value is not { } raw || Transformed(raw) is not { } value)
                return;
            if (!Baselines.Learn(entry.Key, entry.Group, value, entry.Time, Rule.Timespan))
                return;
            engine.Fired(this, new CorrelationMatch
            {
                Correlation = Rule,
                Group = [.. Rule.GroupBy.Select((field, i) => new KeyValuePair<string, string?>(field, entry.Group[i]))],
                WindowStart = entry.Time,
                WindowEnd = entry.Time,
                Events = 1,
                Measured = 1,
                RuleIds = [entry.RuleId],
                EventIds = entry.Summary.EventId is { } id ? [id] : [],
                Last = entry.Summary,
                Stream = entry.Stream,
                NewValue = value,
            },
            matches);
        }

        // A group is judged against the watermark of the stream its newest match came from — inputs hold many streams
        // (accounts, regions) one after another, each in time order, so one stream's progress says nothing of another's —
        // or of the stream being read when that is behind: a group other streams also feed may still receive their
        // earlier matches.
        public void Sweep(List<CorrelationMatch> matches)
        {
            var current = engine._currentWatermark is { } reading ? reading.Latest - Lateness : DateTimeOffset.MaxValue;
            var lateness = Lateness;
            Close(entries => Min((entries.NewestWatermark ?? engine._watermarks[entries[^1].Stream]).Latest - lateness, current), matches);
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        public void CloseAll(List<CorrelationMatch> matches)
        {
            PlacePending(matches);
            Close(_ => DateTimeOffset.MaxValue, matches);
        }

        private void Close(Func<GroupEntries, DateTimeOffset> limitOf, List<CorrelationMatch> matches)
        {
            var emptied = new List<string>();
            List<(string Key, GroupEntries Entries, DateTimeOffset Limit)>? closing = null;
            foreach (var (key, entries) in Groups)
            {
                var limit = limitOf(entries);
                if (_firesEarly)
                {
                    // Nothing older than a timespan before the watermark can join a window with a match yet to come.
                    var keep = 0;
                    var oldest = limit == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : limit - Rule.Timespan;
                    while (keep < entries.Count && entries.TicksAt(keep) < oldest.UtcTicks)
                        keep++;
                    if (keep > 0)
                        entries.RemoveFirst(keep);
                    if (entries.Count == 0)
                        emptied.Add(key);
                }
                else if (entries.Count > 0 && (limit == DateTimeOffset.MaxValue || entries[0].Time + Rule.Timespan < limit))
                {
                    (closing ??= []).Add((key, entries, limit));
                }
            }

            // Windows that close are judged oldest first, so that what fires comes out in time order.
            if (closing is not null)
            {
                closing.Sort((a, b) => a.Entries[0].Time != b.Entries[0].Time ? a.Entries[0].Time.CompareTo(b.Entries[0].Time) : string.CompareOrdinal(a.Key, b.Key));
                foreach (var (key, entries, limit) in closing)
                {
                    while (entries.Count > 0 && (limit == DateTimeOffset.MaxValue || entries[0].Time + Rule.Timespan < limit))
                    {
                        var windowEnd = entries[0].Time + Rule.Timespan;
                        var end = entries.LastAtOrBefore(windowEnd.UtcTicks);
                        var match = Judge(entries, 0, end);
                        entries.RemoveFirst(end + 1);
                        if (match is not null)
                            engine.Fired(this, match, matches);
                    }

                    if (entries.Count == 0)
                        emptied.Add(key);
                }
            }

            foreach (var key in emptied)
                RemoveGroup(key);
        }

        // The window's measure is taken unless the caller counted it already.
        private CorrelationMatch? Judge(GroupEntries entries, int start, int end, double? counted = null)
        {
            var window = entries.Range(start, end);
            var measured = counted ?? Measure(window);
            if (measured is not { } value)
                return null;
            var holds = Rule.Condition is { } condition
                ? condition.Holds(value)
                : value >= Resolved.Sources.Length;
            if (!holds)
                return null;
            // Busy groups fire window after window: the rules and event ids are gathered in one pass.
            var ruleIds = new List<string>(Resolved.Sources.Length);
            var eventIds = new List<string>(Math.Min(window.Count, MaxEventIds));
            foreach (var entry in window)
            {
                if (!ruleIds.Contains(entry.RuleId))
                    ruleIds.Add(entry.RuleId);
                if (eventIds.Count < MaxEventIds && entry.Summary.EventId is { } id)
                    eventIds.Add(id);
            }

            var first = window[0];
            return new CorrelationMatch
            {
                Correlation = Rule,
                Group = [.. Rule.GroupBy.Select((field, i) => new KeyValuePair<string, string?>(field, first.Group[i]))],
                WindowStart = first.Time,
                WindowEnd = window[^1].Time,
                Events = window.Count,
                Measured = value,
                RuleIds = [.. ruleIds],
                EventIds = [.. eventIds],
                Last = window[^1].Summary,
                Stream = window[^1].Stream,
            };
        }

        private double? Measure(List<Entry> window)
        {
            switch (Rule.Type)
            {
                case CorrelationType.EventCount:
                    return window.Count;
                case CorrelationType.ValueCount:
                    return window.Select(entry => entry.Value).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                case CorrelationType.Temporal:
                    return window.Select(entry => entry.Source).Distinct().Count();
                case CorrelationType.TemporalOrdered:
                    var next = 0;
                    foreach (var entry in window)
                    {
                        if (next < Resolved.Sources.Length && entry.Source == next)
                            next++;
                    }

                    return next;
            }

            var numbers = window
                .Select(entry => double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : (double?)null)
                .OfType<double>()
                .ToList();
            if (numbers.Count == 0)
                return null;
            if (Rule.Type == CorrelationType.ValueSum)
                return numbers.Sum();
            if (Rule.Type == CorrelationType.ValueAverage)
                return numbers.Average();

            // Nearest rank: the smallest value with at least p% of the values at or below it.
            numbers.Sort();
            var rank = (int)Math.Ceiling(Rule.Condition!.Percentile!.Value / 100 * numbers.Count);
            return numbers[Math.Clamp(rank - 1, 0, numbers.Count - 1)];
        }
    }
}
