using System.Text;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// Comparisons over text that is pure ASCII, as bytes: for such text an ordinal comparison, ignoring case or not,
/// gives what the same comparison of the decoded characters gives.
/// </summary>
internal static class AsciiText
{
    /// <summary>The bytes of <paramref name="text"/> when it is all ASCII, else null.</summary>
    public static byte[]? BytesOf(string text) => Ascii.IsValid(text) ? Encoding.ASCII.GetBytes(text) : null;

    /// <summary>Whether <paramref name="value"/> contains <paramref name="part"/>.</summary>
    public static bool Contains(ReadOnlySpan<byte> value, ReadOnlySpan<byte> part, bool ignoreCase)
    {
        if (!ignoreCase)
            return value.IndexOf(part) >= 0;
        if (part.IsEmpty)
            return true;
        var first = part[0];
        var lower = IsLetter(first) ? (byte)(first | 0x20) : first;
        var upper = IsLetter(first) ? (byte)(first & 0xDF) : first;
        for (var i = 0; i + part.Length <= value.Length;)
        {
            var found = value[i..(value.Length - part.Length + 1)].IndexOfAny(lower, upper);
            if (found < 0)
                return false;
            i += found;
            if (Ascii.EqualsIgnoreCase(value.Slice(i, part.Length), part))
                return true;
            i++;
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> equals <paramref name="other"/>.</summary>
    public static bool Equals(ReadOnlySpan<byte> value, ReadOnlySpan<byte> other, bool ignoreCase) =>
        ignoreCase ? Ascii.EqualsIgnoreCase(value, other) : value.SequenceEqual(other);

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
