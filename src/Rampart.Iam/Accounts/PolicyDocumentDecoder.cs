using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Turns a policy document held in a JSON string into JSON text. The raw IAM API returns documents URL-encoded
/// (RFC 3986, <c>%7B%22Version%22…</c>); some tools store them as plain JSON strings. Only <c>%XX</c> escapes are decoded:
/// <c>+</c> stays a plus, because IAM encodes spaces as <c>%20</c> and a literal plus can sit in a resource name.
/// </summary>
internal static class PolicyDocumentDecoder
{
    /// <summary>What decoding found.</summary>
    public enum Outcome
    {
        /// <summary>The JSON text is in the output.</summary>
        Decoded,

        /// <summary>A <c>%</c> escape is malformed, or the decoded bytes are not UTF-8; the output holds the reason.</summary>
        BadEncoding,

        /// <summary>The string holds neither a JSON object nor a URL-encoded one.</summary>
        NotAnObject,
    }

    public static Outcome Decode(string text, out string result)
    {
        var first = FirstNonWhitespace(text);
        if (first == '{')
        {
            result = text;
            return Outcome.Decoded;
        }

        if (!text.Contains('%', StringComparison.Ordinal))
        {
            result = "";
            return Outcome.NotAnObject;
        }

        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    var found = text.AsSpan(i, Math.Min(3, text.Length - i));
                    result = string.Create(CultureInfo.InvariantCulture, $"`{found}` at character {i + 1} is not a `%` followed by two hexadecimal digits");
                    return Outcome.BadEncoding;
                }

                length++;
                i += 2;
            }
            else
            {
                length += c < 0x80 ? 1 : Encoding.UTF8.GetByteCount(text.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1));
                if (char.IsHighSurrogate(c))
                    i++;
            }
        }

        var bytes = new byte[length];
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                bytes[at++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes[at++] = (byte)c;
            }
            else
            {
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                at += Encoding.UTF8.GetBytes(text.AsSpan(i, width), bytes.AsSpan(at));
                i += width - 1;
            }
        }

        if (!Utf8.IsValid(bytes))
        {
            result = "the decoded bytes are not UTF-8";
            return Outcome.BadEncoding;
        }

        result = Encoding.UTF8.GetString(bytes);
        return FirstNonWhitespace(result) == '{' ? Outcome.Decoded : Outcome.NotAnObject;
    }

    private static char FirstNonWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
                return c;
        }

        return '\0';
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
