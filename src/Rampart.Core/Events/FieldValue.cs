using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rampart.Core.Events;

/// <summary>
/// One value found at a field path of an event. Arrays are flattened into their elements. A string read from a JSON
/// record is decoded only when its <see cref="Text"/> is first asked for, so a test that can decide on the bytes
/// (<see cref="TryGetAsciiUtf8"/>) costs no decoding; like the event, such a value is valid until its reader moves on.
/// </summary>
public readonly record struct FieldValue
{
    private readonly string? _text;
    private readonly JsonRecord? _record;
    private readonly int _slot;
    private readonly int _generation;

    private FieldValue(FieldValueKind kind, string? text)
    {
        Kind = kind;
        _text = text;
    }

    private FieldValue(JsonRecord record, int slot)
    {
        Kind = FieldValueKind.String;
        _record = record;
        _slot = slot;
        _generation = record.Generation;
    }

    /// <summary>An explicit null.</summary>
    public static FieldValue Null { get; } = new(FieldValueKind.Null, null);

    /// <summary>The kind of value.</summary>
    public FieldValueKind Kind { get; }

    /// <summary>The value as text: the string, the number as written, <c>true</c>/<c>false</c>, or an object's JSON; null for <see cref="FieldValueKind.Null"/>.</summary>
    /// <exception cref="InvalidOperationException">The value was read from a record its reader has moved on from.</exception>
    public string? Text => _record is null ? _text : Record.SlotText(_slot);

    /// <summary>
    /// <see cref="Text"/>, for a caller reading one field in value after value: <paramref name="recent"/> holds the
    /// string it read last, given again when this value is the same, and becomes this value's string.
    /// </summary>
    public string? TextReusing(ref string? recent) => _record is null ? recent = _text : Record.SlotText(_slot, ref recent);

    private JsonRecord Record => _record!.Generation == _generation
        ? _record
        : throw new InvalidOperationException("This value was read from a record the reader has moved on from; keep Detach() of values you need later.");

    /// <summary>Whether this is an explicit null.</summary>
    public bool IsNull => Kind == FieldValueKind.Null;

    /// <summary>A string value.</summary>
    public static FieldValue FromString(string value) => new(FieldValueKind.String, value);

    /// <summary>A number, kept as written.</summary>
    public static FieldValue FromNumber(string text) => new(FieldValueKind.Number, text);

    /// <summary>A boolean.</summary>
    public static FieldValue FromBoolean(bool value) => new(FieldValueKind.Boolean, value ? "true" : "false");

    /// <summary>An object, kept as JSON text.</summary>
    public static FieldValue FromObject(string json) => new(FieldValueKind.Object, json);

    /// <summary>A string of a JSON record, decoded when first asked for.</summary>
    internal static FieldValue FromSlot(JsonRecord record, int slot) => new(record, slot);

    /// <summary>
    /// The string's UTF-8 bytes, when it is a string read from a JSON record that holds only ASCII characters and no
    /// escapes: then its text is exactly these bytes, one character each.
    /// </summary>
    public bool TryGetAsciiUtf8(out ReadOnlySpan<byte> ascii)
    {
        if (_record is not null && Record.TryGetAsciiBytes(_slot, out ascii))
            return true;
        ascii = default;
        return false;
    }

    /// <summary>
    /// The text of a short plain-ASCII string read from a JSON record: taken from the reading thread's cache of values,
    /// so that a value read lately is mostly the very same instance (a lookup may then go by reference). False for
    /// other values, whose <see cref="Text"/> is made on its own.
    /// </summary>
    public bool TryGetSharedText([NotNullWhen(true)] out string? text)
    {
        text = _record is not null ? Record.SharedSlotText(_slot) : null;
        return text is not null;
    }

    /// <summary>This value, holding its own text: valid after its event's reader moves on.</summary>
    public FieldValue Detach() => _record is null ? this : new(Kind, Text);

    /// <summary>Values are equal when their kinds and texts are.</summary>
    public bool Equals(FieldValue other) => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Text is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0);

    /// <summary>Reads the value as a number: numbers, and strings that hold one (flow logs and Route 53 write ports as strings).</summary>
    public bool TryGetNumber(out double number)
    {
        if (Kind is FieldValueKind.Number or FieldValueKind.String && Text is not null)
            return double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        number = 0;
        return false;
    }
}
