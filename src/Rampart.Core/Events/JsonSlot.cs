using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// One value of a <see cref="JsonRecord"/> that has been located: the record itself, a top-level property, or a
/// member of an object or array that a lookup went through. Offsets count from the record's first byte.
/// </summary>
internal struct JsonSlot
{
    /// <summary>The first byte of the property name, after its opening quote; unused for array elements and the root.</summary>
    public int NameStart;

    /// <summary>The name's length as written, escapes included, quotes excluded.</summary>
    public int NameLength;

    /// <summary>
    /// A digest of a name without escapes (<see cref="KeyOf"/>), so that most names are told apart by one comparison;
    /// 0 for a name with escapes, which must be unescaped to be compared.
    /// </summary>
    public int NameKey;

    /// <summary>The first byte of the value.</summary>
    public int ValueStart;

    /// <summary>The value's length.</summary>
    public int ValueLength;

    /// <summary>The slot of the value's first member once they have been located, else -1; members are consecutive.</summary>
    public int Members;

    /// <summary>How many members the value has, once located.</summary>
    public int MemberCount;

    /// <summary>The kind of the value, from its first byte.</summary>
    public JsonValueKind Kind;

    /// <summary>
    /// For a string, once asked: <see cref="AsciiYes"/> when it holds only printable ASCII and no escapes, else
    /// <see cref="AsciiNo"/>; before that, <see cref="Unescaped"/> when reading it showed it holds no escapes, else 0.
    /// </summary>
    public byte Ascii;

    public const byte AsciiYes = 1;

    public const byte AsciiNo = 2;

    public const byte Unescaped = 3;

    public JsonSlot(ReadOnlySpan<byte> json, int nameStart, int nameLength, bool nameIsEscaped, int valueStart, int valueLength)
    {
        NameStart = nameStart;
        NameLength = nameLength;
        NameKey = nameIsEscaped ? 0 : KeyOf(json.Slice(nameStart, nameLength));
        ValueStart = valueStart;
        ValueLength = valueLength;
        Members = -1;
        Kind = JsonText.KindOf(json[valueStart]);
    }

    /// <summary>Whether the name holds escapes.</summary>
    public readonly bool NameIsEscaped => NameKey == 0;

    /// <summary>The position just after the value.</summary>
    public readonly int ValueEnd => ValueStart + ValueLength;

    /// <summary>The digest of an unescaped UTF-8 name: its length and three of its bytes; never 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeyOf(ReadOnlySpan<byte> name) => name.Length == 0
        ? 1
        : 1 | (name.Length << 1) ^ (name[0] << 8) ^ (name[name.Length >> 1] << 16) ^ (name[^1] << 24);
}
