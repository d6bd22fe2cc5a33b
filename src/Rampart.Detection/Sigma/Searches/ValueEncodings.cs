using System.Text;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>The transforming modifiers, computed once at compile time.</summary>
internal static class ValueEncodings
{
    private static readonly char[] DashVariants = ['-', '/', '\u2013', '\u2014', '\u2015'];
    private static readonly int[] OffsetStarts = [0, 2, 3];
    private static readonly int[] OffsetEndTrims = [0, 3, 2];

    /// <summary>
    /// <c>windash</c>: each <c>-</c> or <c>/</c> that starts a word (preceded by a non-word character or
    /// the start, followed by a word character) becomes each of <c>-</c>, <c>/</c>, en dash, em dash and
    /// horizontal bar, in every combination. Returns null when that makes more than <paramref name="max"/> variants.
    /// </summary>
    public static List<SigmaPattern>? WindowsDash(SigmaPattern pattern, int max)
    {
        // Flatten into cells: a character, or a wildcard (null), so neighbours across parts are visible.
        var cells = new List<(char? Char, PatternPart Wildcard)>();
        foreach (var part in pattern.Parts)
        {
            if (part.Kind == PatternPartKind.Literal)
            {
                foreach (var c in part.Text)
                    cells.Add((c, default));
            }
            else
            {
                cells.Add((null, part));
            }
        }

        var positions = new List<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Char is not ('-' or '/'))
                continue;
            var previousIsWord = i > 0 && cells[i - 1].Char is { } previous && IsWordChar(previous);
            var nextIsWord = i + 1 < cells.Count && cells[i + 1].Char is { } next && IsWordChar(next);
            if (!previousIsWord && nextIsWord)
                positions.Add(i);
        }

        if (positions.Count == 0)
            return [pattern];
        long total = 1;
        foreach (var unused in positions)
        {
            total *= DashVariants.Length;
            if (total > max)
                return null;
        }

        var variants = new List<SigmaPattern>((int)total);
        var choice = new int[positions.Count];
        for (var n = 0; n < total; n++)
        {
            var remainder = n;
            for (var k = choice.Length - 1; k >= 0; k--)
            {
                choice[k] = remainder % DashVariants.Length;
                remainder /= DashVariants.Length;
            }

            var parts = new List<PatternPart>(cells.Count);
            var next = 0;
            for (var i = 0; i < cells.Count; i++)
            {
                var c = cells[i].Char;
                if (c is null)
                {
                    parts.Add(cells[i].Wildcard);
                    continue;
                }

                if (next < positions.Count && positions[next] == i)
                    c = DashVariants[choice[next++]];
                parts.Add(new PatternPart(PatternPartKind.Literal, c.Value.ToString()));
            }

            variants.Add(SigmaPattern.FromParts(parts));
        }

        return variants;
    }

    /// <summary><c>utf16le</c>/<c>wide</c>, <c>utf16be</c> and <c>utf16</c> (a little-endian byte order mark first).</summary>
    public static EncodedPattern Utf16(EncodedPattern value, ModifierKind kind)
    {
        var bigEndian = kind == ModifierKind.Utf16BigEndian;
        var encoded = value.Pattern.MapLiterals(text =>
        {
            var bytes = new StringBuilder(text.Length * 2);
            foreach (var c in text)
            {
                var low = (char)(c & 0xFF);
                var high = (char)(c >> 8);
                bytes.Append(bigEndian ? high : low).Append(bigEndian ? low : high);
            }

            return bytes.ToString();
        });
        if (kind == ModifierKind.Utf16)
            encoded = SigmaPattern.FromParts([new PatternPart(PatternPartKind.Literal, "\u00FF\u00FE"), .. encoded.Parts]);
        return new EncodedPattern(encoded, IsBytes: true);
    }

    public static string Base64(string text, bool isBytes) => Convert.ToBase64String(Bytes(text, isBytes));

    /// <summary>
    /// <c>base64offset</c>: the parts of the Base64 text that stay the same wherever the value sits in a
    /// larger encoded string, for the three possible byte alignments. Empty variants are left out.
    /// </summary>
    public static List<string> Base64Offsets(string text, bool isBytes)
    {
        var value = Bytes(text, isBytes);
        var variants = new List<string>(3);
        for (var shift = 0; shift < 3; shift++)
        {
            var shifted = new byte[shift + value.Length];
            shifted.AsSpan(0, shift).Fill((byte)' ');
            value.CopyTo(shifted, shift);
            var encoded = Convert.ToBase64String(shifted);
            var start = OffsetStarts[shift];
            var length = encoded.Length - start - OffsetEndTrims[(value.Length + shift) % 3];
            if (length > 0)
                variants.Add(encoded.Substring(start, length));
        }

        return variants;
    }

    private static byte[] Bytes(string text, bool isBytes)
    {
        if (!isBytes)
            return Encoding.UTF8.GetBytes(text);
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
