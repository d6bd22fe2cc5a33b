using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// One JSON record: its UTF-8 bytes, checked by one <see cref="Utf8JsonReader"/> pass that also notes where each
/// top-level property's name and value lie. Nothing else is built, so a record no rule looks into costs that one
/// pass. A lookup that goes deeper locates the members of each object or array it passes through, stepping over
/// the bytes already validated, once per record: what it located and every value it decoded serve the next lookup
/// into the same record. A reader keeps one instance and loads record after record into it, reusing its tables:
/// loading (or <see cref="Clear"/>) expires the events made over the previous record.
/// </summary>
/// <remarks>
/// Lookups by name follow <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>: names compare after
/// unescaping, and when a name is repeated the last one wins. The bytes are not copied: they must stay unchanged
/// until the next load. A record that a reader loads again and again belongs to the reader's thread; one made
/// by <see cref="Parse"/> keeps its findings under a lock, so its events may be matched from several threads.
/// </remarks>
public sealed class JsonRecord
{
    /// <summary>The default <see cref="MaxDepth"/>: 64, as for <see cref="JsonDocument"/>.</summary>
    public const int DefaultMaxDepth = 64;

    // Room for the root and the top-level properties of most records; the table grows (and stays grown) for wider ones.
    private const int InitialSlots = 64;

    // Slot 0 is the record itself.
    private const int Root = 0;

    // The bytes of a string that reads as it stands: printable ASCII but the escape character. One pass finds any other.
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b != '\\').Select(b => (byte)b)]);

    // While a record is read, the members of the top-level objects lookups want (below) are located too, down to
    // this many levels and until the record has this many slots: lookups then find them without stepping over bytes
    // a second time. Other objects, deeper ones, arrays and the rest of very wide records are located when a lookup
    // first goes into them.
    private const int EagerDepth = 6;
    private const int EagerSlots = 256;

    // Which top-level objects are located while reading: those lookups went into in earlier records of this instance
    // (a source's records share their shape: CloudTrail's userIdentity is looked into, its requestParameters and
    // responseElements seldom are). The others are read through and located only if a lookup goes into them.
    private const int MaxWantedObjects = 16;
    private (int Key, byte[] Name)[] _wantedObjects = [];

    // Held while lookups locate members and decode values, for records that may be shared between threads.
    private readonly Lock? _gate;
    private JsonSlot[] _slots = new JsonSlot[InitialSlots];

    // The slots' name digests side by side, so that a lookup searches the members of an object with vector instructions.
    private int[] _keys = new int[InitialSlots];

    // The slots' values decoded as text, once asked for; apart from the slots so that slots hold no references and
    // copy without write barriers.
    private string?[] _texts = new string?[InitialSlots];

    // The reading thread's cache of short strings, fetched once rather than through thread-local storage per string.
    private string?[]? _strings;

    // Members of the objects being read, until their object ends and they move to the slot table as one block.
    private JsonSlot[] _pending = new JsonSlot[InitialSlots];
    private int _pendingCount;
    private int _slotCount;

    // Whether any name located in the record holds escapes.
    private bool _escapedNames;
    private ReadOnlyMemory<byte> _json;
    private JsonValueKind _kind;

    /// <summary>Creates an empty record that accepts nesting up to <paramref name="maxDepth"/> levels.</summary>
    /// <param name="maxDepth">The deepest nesting accepted; at least 1.</param>
    public JsonRecord(int maxDepth = DefaultMaxDepth)
        : this(maxDepth, shared: false)
    {
    }

    private JsonRecord(int maxDepth, bool shared)
    {
        MaxDepth = Guard.InRange(maxDepth, 1, int.MaxValue);
        _gate = shared ? new Lock() : null;
    }

    /// <summary>The deepest nesting accepted; deeper records fail to load.</summary>
    public int MaxDepth { get; }

    /// <summary>Whether a record is loaded.</summary>
    public bool IsLoaded => _kind != JsonValueKind.Undefined;

    /// <summary>The kind of the loaded value; <see cref="JsonValueKind.Undefined"/> when nothing is loaded.</summary>
    public JsonValueKind ValueKind => _kind;

    /// <summary>The loaded value's bytes, exactly from its first to its last byte (surrounding whitespace left out).</summary>
    public ReadOnlyMemory<byte> Utf8Json
    {
        get
        {
            EnsureLoaded();
            return _json;
        }
    }

    /// <summary>How many top-level properties the loaded value has (0 unless it is an object).</summary>
    public int PropertyCount => _kind == JsonValueKind.Object ? _slots[Root].MemberCount : 0;

    /// <summary>Counts loads, so that events can tell they were made over an earlier record.</summary>
    internal int Generation { get; private set; }

    /// <summary>
    /// Parses <paramref name="json"/> into a record that owns a copy of it, for tests and small inputs; its events may
    /// be used from several threads at once.
    /// </summary>
    /// <exception cref="JsonException">The text is not one valid JSON value.</exception>
    public static JsonRecord Parse(string json, int maxDepth = DefaultMaxDepth)
    {
        Guard.NotNull(json);
        var record = new JsonRecord(maxDepth, shared: true);
        if (!record.TryLoad(Encoding.UTF8.GetBytes(json), out var error))
            throw error;
        return record;
    }

    /// <summary>
    /// Validates <paramref name="utf8Json"/> as one JSON value (whitespace around it allowed) and notes its top-level
    /// properties. Events made over the previous record expire, whether or not this load succeeds.
    /// </summary>
    /// <param name="utf8Json">The bytes; not copied, so they must stay unchanged until the next load.</param>
    /// <param name="error">Why the bytes are not valid JSON, with the line and byte position relative to them.</param>
    /// <returns>Whether the bytes hold one valid JSON value.</returns>
    public bool TryLoad(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(false)] out JsonException? error)
    {
        Clear();
        try
        {
            Index(utf8Json, final: true);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            // The reader has no Try API: its exception is the only way it reports where the JSON breaks.
            Clear();
            error = exception;
            return false;
        }
    }

    /// <summary>
    /// Loads the JSON value at the start of <paramref name="utf8Json"/>, which may go on past it (the rest of an
    /// array, say) or stop before its end. Events made over the previous record expire, whatever the result.
    /// </summary>
    /// <param name="utf8Json">The bytes; not copied, so they must stay unchanged until the next load.</param>
    /// <param name="length">When loaded, where the value ends: its first byte after leading whitespace to its last.</param>
    /// <returns>Whether the value loaded, ended before the bytes did (more are needed), or is not valid JSON.</returns>
    public JsonPrefixLoad TryLoadPrefix(ReadOnlyMemory<byte> utf8Json, out int length)
    {
        Clear();
        length = 0;
        try
        {
            if (Index(utf8Json, final: false) is { } end)
            {
                length = end;
                return JsonPrefixLoad.Loaded;
            }
        }
        catch (JsonException)
        {
            Clear();
            return JsonPrefixLoad.Invalid;
        }

        Clear();
        return JsonPrefixLoad.Incomplete;
    }

    /// <summary>Forgets the loaded record; events made over it expire.</summary>
    public void Clear()
    {
        Generation++;
        _slotCount = 0;
        _pendingCount = 0;
        _escapedNames = false;
        _json = default;
        _kind = JsonValueKind.Undefined;
    }

    /// <summary>Whether the loaded value is an object whose first property is named <paramref name="utf8Name"/>.</summary>
    public bool FirstPropertyIs(ReadOnlySpan<byte> utf8Name) => PropertyCount > 0 && NameEquals(_slots[Root].Members, utf8Name);

    /// <summary>Whether the loaded value is an object with a property named <paramref name="utf8Name"/>.</summary>
    public bool HasProperty(ReadOnlySpan<byte> utf8Name) => FindProperty(utf8Name) >= 0;

    /// <summary>
    /// The value of the top-level property <paramref name="utf8Name"/> (the last one, if repeated), as the slice of
    /// <see cref="Utf8Json"/> it occupies.
    /// </summary>
    public bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out ReadOnlyMemory<byte> value)
    {
        var slot = FindProperty(utf8Name);
        value = slot < 0 ? default : _json.Slice(_slots[slot].ValueStart, _slots[slot].ValueLength);
        return slot >= 0;
    }

    /// <summary>Whether the members of the top-level property <paramref name="utf8Name"/> have been located, while reading or since.</summary>
    internal bool IsLocated(ReadOnlySpan<byte> utf8Name)
    {
        var slot = FindProperty(utf8Name);
        return slot >= 0 && _slots[slot].Members >= 0;
    }

    /// <summary>The kind of the top-level property <paramref name="utf8Name"/>; <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    public JsonValueKind GetPropertyKind(ReadOnlySpan<byte> utf8Name)
    {
        var slot = FindProperty(utf8Name);
        return slot < 0 ? JsonValueKind.Undefined : KindOf(slot);
    }

    /// <summary>The top-level property <paramref name="utf8Name"/> when it holds a string, unescaped.</summary>
    public bool TryGetString(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out string? value)
    {
        var slot = FindProperty(utf8Name);
        value = slot >= 0 && KindOf(slot) == JsonValueKind.String ? SharedTextOf(slot) : null;
        return value is not null;
    }

    /// <summary>Adds the values at <paramref name="segments"/>, as <see cref="LogEvent.CollectValues"/> describes.</summary>
    internal void CollectValues(ReadOnlySpan<byte[]> segments, List<FieldValue> values)
    {
        if (_gate is null)
        {
            Collect(Root, segments, values);
            return;
        }

        lock (_gate)
            Collect(Root, segments, values);
    }

    /// <summary>Adds every scalar of the record, in document order.</summary>
    internal void CollectLeaves(List<FieldValue> values)
    {
        var json = _json.Span;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.ValueIsEscaped
                        ? JsonText.DecodeString(json.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2))
                        : JsonText.Utf8(reader.ValueSpan);
                    values.Add(FieldValue.FromString(text));
                    break;
                case JsonTokenType.Number:
                    values.Add(FieldValue.FromNumber(JsonText.Utf8(reader.ValueSpan)));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    values.Add(FieldValue.FromBoolean(reader.TokenType == JsonTokenType.True));
                    break;
                case JsonTokenType.Null:
                    values.Add(FieldValue.Null);
                    break;
            }
        }
    }

    /// <summary>
    /// The string at <paramref name="segments"/>, or a number as written, following objects only: null when the path
    /// is absent, crosses an array, or ends in another kind.
    /// </summary>
    internal string? FindText(ReadOnlySpan<byte[]> segments)
    {
        if (_gate is null)
            return FindTextCore(segments);
        lock (_gate)
            return FindTextCore(segments);
    }

    /// <summary>
    /// As <see cref="FindText(ReadOnlySpan{byte[]})"/>, giving <paramref name="recent"/> — the string this path held in a
    /// record read lately — when the value is the same, and keeping the string found there for the next record.
    /// </summary>
    internal string? FindText(ReadOnlySpan<byte[]> segments, ref string? recent)
    {
        if (_gate is not null)
            return recent = FindText(segments);
        var slot = TextSlot(segments);
        return slot >= 0 ? TextOf(slot, ref recent) : null;
    }

    /// <summary>The string in the top-level property <paramref name="utf8Name"/>, or a number as written; else null.</summary>
    internal string? FindText(ReadOnlySpan<byte> utf8Name)
    {
        var slot = FindProperty(utf8Name);
        return slot >= 0 && KindOf(slot) is JsonValueKind.String or JsonValueKind.Number ? SharedTextOf(slot) : null;
    }

    /// <summary>
    /// As <see cref="FindText(ReadOnlySpan{byte})"/>, for a value no other record repeats (an event's id): decoded on
    /// its own rather than through the thread's cache of repeating values, which it would only push others out of.
    /// </summary>
    internal string? FindUniqueText(ReadOnlySpan<byte> utf8Name)
    {
        if (_gate is null)
            return FindUniqueTextCore(utf8Name);
        lock (_gate)
            return FindUniqueTextCore(utf8Name);
    }

    private string? FindUniqueTextCore(ReadOnlySpan<byte> utf8Name)
    {
        var slot = FindProperty(utf8Name);
        if (slot < 0 || KindOf(slot) is not (JsonValueKind.String or JsonValueKind.Number))
            return null;
        ref var text = ref _texts[slot];
        if (text is null && KindOf(slot) == JsonValueKind.String && TryGetAsciiBytes(slot, out var ascii))
            text = System.Text.Encoding.ASCII.GetString(ascii);
        return text ?? TextOf(slot);
    }

    /// <summary>
    /// The bytes between the quotes of the top-level string property <paramref name="utf8Name"/>, when it holds only
    /// printable ASCII without escapes (timestamps, ids): read without making a string. Valid while the record is.
    /// </summary>
    internal bool TryGetAsciiProperty(ReadOnlySpan<byte> utf8Name, out ReadOnlySpan<byte> ascii)
    {
        ascii = default;
        if (_gate is not null)
            return false;
        var slot = FindProperty(utf8Name);
        return slot >= 0 && KindOf(slot) == JsonValueKind.String && TryGetAsciiBytes(slot, out ascii);
    }

    /// <summary>Throws unless a record is loaded.</summary>
    internal void EnsureLoaded()
    {
        if (_kind == JsonValueKind.Undefined)
            throw new InvalidOperationException("No JSON record is loaded.");
    }

    private string? FindTextCore(ReadOnlySpan<byte[]> segments)
    {
        var slot = TextSlot(segments);
        return slot >= 0 ? TextOf(slot) : null;
    }

    // The slot of the string or number at the path through objects, or -1.
    private int TextSlot(ReadOnlySpan<byte[]> segments)
    {
        var slot = Root;
        foreach (var segment in segments)
        {
            if (KindOf(slot) != JsonValueKind.Object)
                return -1;
            slot = FindMember(slot, segment);
            if (slot < 0)
                return -1;
        }

        return KindOf(slot) is JsonValueKind.String or JsonValueKind.Number ? slot : -1;
    }

    private int FindProperty(ReadOnlySpan<byte> utf8Name) => _kind == JsonValueKind.Object ? FindMember(Root, utf8Name) : -1;

    private JsonValueKind KindOf(int slot) => _slots[slot].Kind;

    private string SharedTextOf(int slot)
    {
        if (_gate is null)
            return TextOf(slot);
        lock (_gate)
            return TextOf(slot);
    }

    /// <summary>The text of a string value a <see cref="FieldValue"/> stands for, decoded once.</summary>
    internal string SlotText(int slot) => SharedTextOf(slot);

    /// <summary>The text of a string value, when it is plain ASCII short enough for the thread's cache of values; else null.</summary>
    internal string? SharedSlotText(int slot)
    {
        if (_gate is not null || _slots[slot].ValueLength - 2 > AsciiStrings.MaxLength || !TryGetAsciiBytes(slot, out _))
            return null;
        return TextOf(slot);
    }

    /// <summary>As <see cref="SlotText(int)"/>, reusing <paramref name="recent"/> when the value is the same.</summary>
    internal string SlotText(int slot, ref string? recent)
    {
        if (_gate is null)
            return TextOf(slot, ref recent);
        lock (_gate)
            return recent = TextOf(slot);
    }

    /// <summary>The bytes of a string value between its quotes, when it holds only ASCII and no escapes.</summary>
    /// <remarks>Several rules test one value: the answer is kept in the slot.</remarks>
    internal bool TryGetAsciiBytes(int slot, out ReadOnlySpan<byte> ascii)
    {
        ref var at = ref _slots[slot];
        if (at.Ascii != JsonSlot.AsciiNo)
        {
            var value = _json.Span.Slice(at.ValueStart + 1, at.ValueLength - 2);
            if (at.Ascii == JsonSlot.AsciiYes)
            {
                ascii = value;
                return true;
            }

            // Raw control characters are not valid JSON: a string read without escapes is plain when it stays in
            // the printable range, which one range check finds.
            if (at.Ascii == JsonSlot.Unescaped ? value.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 : value.IndexOfAnyExcept(PlainAscii) < 0)
            {
                at.Ascii = JsonSlot.AsciiYes;
                ascii = value;
                return true;
            }

            at.Ascii = JsonSlot.AsciiNo;
        }

        ascii = default;
        return false;
    }

    // A value that repeats in the records read one after another (an account, a region) is most often the one this
    // caller met last: that string is compared first, before the thread's cache, whose strings lie further away.
    private string TextOf(int slot, ref string? recent)
    {
        ref var text = ref _texts[slot];
        if (text is null && recent is { } last && KindOf(slot) == JsonValueKind.String && TryGetAsciiBytes(slot, out var ascii)
            && last.Length == ascii.Length && System.Text.Ascii.Equals(ascii, last))
            text = last;
        return recent = TextOf(slot);
    }

    private string TextOf(int slot)
    {
        ref var text = ref _texts[slot];
        if (text is null)
        {
            var value = _json.Span.Slice(_slots[slot].ValueStart, _slots[slot].ValueLength);
            if (value[0] != (byte)'"')
                text = JsonText.Utf8(value);
            else if (value.Length - 2 <= AsciiStrings.MaxLength && TryGetAsciiBytes(slot, out var ascii))
                text = AsciiStrings.Get(_strings ??= AsciiStrings.ForThisThread(), ascii);
            else
                text = JsonText.DecodeString(value);
        }

        return text;
    }

    private FieldValue ValueOf(int slot) => KindOf(slot) switch
    {
        JsonValueKind.String => FieldValue.FromSlot(this, slot),
        JsonValueKind.Number => FieldValue.FromNumber(TextOf(slot)),
        JsonValueKind.Object => FieldValue.FromObject(TextOf(slot)),
        JsonValueKind.True => FieldValue.FromBoolean(true),
        JsonValueKind.False => FieldValue.FromBoolean(false),
        _ => FieldValue.Null,
    };

    private void Collect(int slot, ReadOnlySpan<byte[]> segments, List<FieldValue> values)
    {
        while (true)
        {
            var kind = KindOf(slot);
            if (kind == JsonValueKind.Array)
            {
                // Members are located first: locating deeper values appends slots after them, never between.
                LocateMembers(slot);
                var first = _slots[slot].Members;
                var count = _slots[slot].MemberCount;
                for (var i = 0; i < count; i++)
                    Collect(first + i, segments, values);
                return;
            }

            if (segments.IsEmpty)
            {
                values.Add(ValueOf(slot));
                return;
            }

            if (kind != JsonValueKind.Object)
                return;
            slot = FindMember(slot, segments[0]);
            if (slot < 0)
                return;
            segments = segments[1..];
        }
    }

    // The last member of the object in slot named utf8Name, or -1.
    private int FindMember(int slot, ReadOnlySpan<byte> utf8Name)
    {
        LocateMembers(slot);
        var json = _json.Span;
        var key = JsonSlot.KeyOf(utf8Name);
        var first = _slots[slot].Members;
        var keys = _keys.AsSpan(first, _slots[slot].MemberCount);

        // Names with escapes digest to 0 and must be unescaped to be compared: objects holding one take the slow way
        // (rare enough that a record holding one anywhere checks each of its objects).
        if (_escapedNames && keys.Contains(0))
            return FindMemberComparingEach(first, keys.Length, key, utf8Name);

        // From the end, so that a repeated name resolves to its last occurrence, as JsonElement does.
        for (var end = keys.Length; end > 0;)
        {
            var at = keys[..end].LastIndexOf(key);
            if (at < 0)
                return -1;
            ref readonly var member = ref _slots[first + at];
            if (SameName(json.Slice(member.NameStart, member.NameLength), utf8Name))
                return first + at;
            end = at;
        }

        return -1;
    }

    // Whether two names whose digests matched are the same: names are short, so at most two overlapping words are
    // compared, without a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameName(ReadOnlySpan<byte> name, ReadOnlySpan<byte> other)
    {
        if (name.Length != other.Length)
            return false;
        if (name.Length >= 8)
        {
            return name.Length <= 16
                ? MemoryMarshal.Read<ulong>(name) == MemoryMarshal.Read<ulong>(other) && MemoryMarshal.Read<ulong>(name[^8..]) == MemoryMarshal.Read<ulong>(other[^8..])
                : name.SequenceEqual(other);
        }

        if (name.Length >= 4)
            return MemoryMarshal.Read<uint>(name) == MemoryMarshal.Read<uint>(other) && MemoryMarshal.Read<uint>(name[^4..]) == MemoryMarshal.Read<uint>(other[^4..]);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != other[i])
                return false;
        }

        return true;
    }

    private int FindMemberComparingEach(int first, int count, int key, ReadOnlySpan<byte> utf8Name)
    {
        var json = _json.Span;
        for (var member = first + count - 1; member >= first; member--)
        {
            if (NameEquals(json, in _slots[member], key, utf8Name))
                return member;
        }

        return -1;
    }

    private bool NameEquals(int slot, ReadOnlySpan<byte> utf8Name) => NameEquals(_json.Span, in _slots[slot], JsonSlot.KeyOf(utf8Name), utf8Name);

    private static bool NameEquals(ReadOnlySpan<byte> json, in JsonSlot member, int key, ReadOnlySpan<byte> utf8Name)
    {
        if (member.NameKey == key)
            return SameName(json.Slice(member.NameStart, member.NameLength), utf8Name);
        return member.NameIsEscaped && JsonText.EscapedNameEquals(json.Slice(member.NameStart - 1, member.NameLength + 2), utf8Name);
    }

    // Whether the top-level object with this name is one lookups went into before (see _wantedObjects).
    private bool IsWanted(int nameKey, ReadOnlySpan<byte> name)
    {
        foreach (var (key, wanted) in _wantedObjects)
        {
            if (key == nameKey && SameName(wanted, name))
                return true;
        }

        return false;
    }

    // A lookup goes into a top-level object that was read through: records to come have theirs located while read.
    private void Want(int slot)
    {
        var members = _slots[Root].Members;
        if (_kind != JsonValueKind.Object || slot < members || slot >= members + _slots[Root].MemberCount
            || KindOf(slot) != JsonValueKind.Object || _slots[slot].NameIsEscaped || _wantedObjects.Length >= MaxWantedObjects)
            return;
        _wantedObjects = [.. _wantedObjects, (_slots[slot].NameKey, _json.Span.Slice(_slots[slot].NameStart, _slots[slot].NameLength).ToArray())];
    }

    // Notes where the members of an object or array lie; once per record. The bytes were validated when the
    // record was loaded, so stepping over values needs no second parse.
    private void LocateMembers(int slot)
    {
        if (_slots[slot].Members >= 0)
            return;
        Want(slot);
        var json = _json.Span[.._slots[slot].ValueEnd];
        var first = _slotCount;
        var isObject = json[_slots[slot].ValueStart] == (byte)'{';
        var i = _slots[slot].ValueStart + 1;
        while (true)
        {
            i = ValidJson.SkipWhitespace(json, i);
            var next = json[i];
            if (next is (byte)'}' or (byte)']')
                break;
            if (next == (byte)',')
                i = ValidJson.SkipWhitespace(json, i + 1);

            var nameStart = 0;
            var nameLength = 0;
            var escaped = false;
            if (isObject)
            {
                var nameEnd = ValidJson.SkipString(json, i, out escaped);
                _escapedNames |= escaped;
                nameStart = i + 1;
                nameLength = nameEnd - i - 2;

                // Whitespace, the colon, whitespace.
                i = ValidJson.SkipWhitespace(json, ValidJson.SkipWhitespace(json, nameEnd) + 1);
            }

            var valueEnd = ValidJson.SkipValue(json, i);
            Add(new JsonSlot(json, nameStart, nameLength, escaped, i, valueEnd - i));
            i = valueEnd;
        }

        _slots[slot].Members = first;
        _slots[slot].MemberCount = _slotCount - first;
    }

    // Reads the members of the object whose '{' the reader has just read, up to its '}', locating those of the
    // objects among them while depth and slot budget last (other values are read through, and so validated, but
    // not located). Returns where the object's block of member slots starts and its length; offset is where the
    // reader's bytes start in the record.
    private (int First, int Count)? ReadObject(ref Utf8JsonReader reader, int offset, int depth)
    {
        var mark = _pendingCount;
        while (true)
        {
            // Only a reader given part of the bytes runs out before the object's end.
            if (!reader.Read())
                return null;
            if (reader.TokenType != JsonTokenType.PropertyName)
                break;
            var nameStart = (int)reader.TokenStartIndex + 1 + offset;
            var name = reader.ValueSpan;
            var nameKey = 0;
            if (reader.ValueIsEscaped)
                _escapedNames = true;
            else
                nameKey = JsonSlot.KeyOf(name);
            var nameLength = name.Length;
            if (!reader.Read())
                return null;
            var valueStart = (int)reader.TokenStartIndex;
            var token = reader.TokenType;
            var ascii = token != JsonTokenType.String ? (byte)0 : reader.ValueIsEscaped ? JsonSlot.AsciiNo : JsonSlot.Unescaped;
            (int First, int Count) members = (-1, 0);
            if (token == JsonTokenType.StartObject && depth < EagerDepth && _slotCount + _pendingCount < EagerSlots && (depth > 1 || IsWanted(nameKey, name)))
            {
                if (ReadObject(ref reader, offset, depth + 1) is not { } located)
                    return null;
                members = located;
            }
            else if (token is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return null;
            }
            if (_pendingCount == _pending.Length)
                Array.Resize(ref _pending, _pendingCount * 2);
            ref var slot = ref _pending[_pendingCount++];
            slot.Ascii = ascii;
            slot.NameStart = nameStart;
            slot.NameLength = nameLength;
            slot.NameKey = nameKey;
            slot.ValueStart = valueStart + offset;
            slot.ValueLength = (int)reader.BytesConsumed - valueStart;
            slot.Members = members.First;
            slot.MemberCount = members.Count;
            slot.Kind = JsonText.KindOf(token);
        }

        // Objects inside this one finished first, so their blocks already lie in the table; this one's follows.
        var first = _slotCount;
        var block = _pending.AsSpan(mark, _pendingCount - mark);
        Reserve(block.Length);
        block.CopyTo(_slots.AsSpan(first));
        for (var i = 0; i < block.Length; i++)
            _keys[first + i] = block[i].NameKey;
        _texts.AsSpan(first, block.Length).Clear();
        _slotCount += block.Length;
        _pendingCount = mark;
        return (first, block.Length);
    }

    private void Add(JsonSlot slot)
    {
        Reserve(1);
        _keys[_slotCount] = slot.NameKey;
        _texts[_slotCount] = null;
        _slots[_slotCount++] = slot;
    }

    // Makes room for this many more slots; the table grows (and stays grown) for wide records.
    private void Reserve(int more)
    {
        if (_slotCount + more <= _slots.Length)
            return;
        var size = Math.Max(_slots.Length * 2, _slotCount + more);
        Array.Resize(ref _slots, size);
        Array.Resize(ref _keys, size);
        Array.Resize(ref _texts, size);
    }

    // Reads the value at the start of the bytes; final: they hold exactly one value (whitespace around it allowed),
    // else the value may be followed by more or cut off. Returns where the value ends, or null when it is cut off.
    private int? Index(ReadOnlyMemory<byte> utf8Json, bool final)
    {
        var options = new JsonReaderOptions { MaxDepth = MaxDepth };
        var reader = new Utf8JsonReader(utf8Json.Span, final, new JsonReaderState(options));

        // With the whole value at hand the reader either finds a token or throws.
        if (!reader.Read())
            return null;
        var start = (int)reader.TokenStartIndex;
        Add(default);
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        (int First, int Count)? members = (-1, 0);
        if (isObject)
            members = ReadObject(ref reader, -start, depth: 1);
        else if (!reader.TrySkip())
            return null;
        if (members is null)
            return null;

        // A number at the very end of partial bytes may yet go on.
        var end = (int)reader.BytesConsumed;
        if (!final && reader.TokenType == JsonTokenType.Number && end == utf8Json.Length)
            return null;

        // Anything but whitespace after the whole value makes the reader throw here.
        if (final)
            reader.Read();
        _json = utf8Json[start..end];
        _slots[Root] = new JsonSlot(_json.Span, 0, 0, false, 0, end - start);
        if (isObject)
        {
            _slots[Root].Members = members.Value.First;
            _slots[Root].MemberCount = members.Value.Count;
        }

        _kind = _slots[Root].Kind;
        return end;
    }
}
