using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Core.Events;

/// <summary>
/// Decodes values of JSON that a <see cref="Utf8JsonReader"/> has already validated. Decoding is lenient about
/// what validation lets through: bytes that are not UTF-8 become U+FFFD and a lone escaped surrogate is kept as
/// it is, so that a hostile record yields odd text rather than an exception in the middle of matching.
/// </summary>
internal static class JsonText
{
    // Strings up to this many bytes are unescaped on the stack.
    private const int StackChars = 256;

    /// <summary>The kind of the JSON value that starts with <paramref name="first"/>.</summary>
    public static JsonValueKind KindOf(byte first) => first switch
    {
        (byte)'{' => JsonValueKind.Object,
        (byte)'[' => JsonValueKind.Array,
        (byte)'"' => JsonValueKind.String,
        (byte)'t' => JsonValueKind.True,
        (byte)'f' => JsonValueKind.False,
        (byte)'n' => JsonValueKind.Null,
        _ => JsonValueKind.Number,
    };

    /// <summary>The kind of the JSON value a reader's token starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };

    /// <summary>UTF-8 bytes as text.</summary>
    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>A scalar or an object (not an array) as a field value.</summary>
    public static FieldValue ToFieldValue(ReadOnlySpan<byte> value) => KindOf(value[0]) switch
    {
        JsonValueKind.String => FieldValue.FromString(DecodeString(value)),
        JsonValueKind.Object => FieldValue.FromObject(Utf8(value)),
        JsonValueKind.True => FieldValue.FromBoolean(true),
        JsonValueKind.False => FieldValue.FromBoolean(false),
        JsonValueKind.Null => FieldValue.Null,
        _ => FieldValue.FromNumber(Utf8(value)),
    };

    /// <summary>A string value, quotes included, unescaped.</summary>
    public static string DecodeString(ReadOnlySpan<byte> quoted)
    {
        var content = quoted[1..^1];
        var escape = content.IndexOf((byte)'\\');
        return escape < 0 ? Utf8(content) : Unescape(content, escape);
    }

    /// <summary>Whether a property name that holds escapes (quotes included) means <paramref name="utf8Name"/>.</summary>
    public static bool EscapedNameEquals(ReadOnlySpan<byte> quotedName, ReadOnlySpan<byte> utf8Name) =>
        string.Equals(DecodeString(quotedName), Utf8(utf8Name), StringComparison.Ordinal);

    private static string Unescape(ReadOnlySpan<byte> content, int escape)
    {
        // Never more chars than bytes: a UTF-8 sequence gives at most one char per byte, an escape one char.
        char[]? rented = null;
        var chars = content.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(content.Length));
        var length = 0;
        while (escape >= 0)
        {
            length += Encoding.UTF8.GetChars(content[..escape], chars[length..]);
            var letter = content[escape + 1];
            if (letter == (byte)'u')
            {
                // The reader has checked that four hex digits follow.
                _ = Utf8Parser.TryParse(content.Slice(escape + 2, 4), out ushort code, out _, 'X');
                chars[length++] = (char)code;
                content = content[(escape + 6)..];
            }
            else
            {
                chars[length++] = letter switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)letter,
                };
                content = content[(escape + 2)..];
            }

            escape = content.IndexOf((byte)'\\');
        }

        length += Encoding.UTF8.GetChars(content, chars[length..]);
        var text = new string(chars[..length]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return text;
    }
}
