using System.Buffers.Text;
using System.Globalization;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>
/// Writes identifiers and timestamps straight into UTF-8 spans so the hot path formats nothing through
/// strings. The string overloads are for building the estate once.
/// </summary>
internal static class TextIds
{
    public const int UuidLength = 36;
    public const int TimestampLength = 20;

    private static readonly byte[] LowerHex = "0123456789abcdef"u8.ToArray();
    private static readonly byte[] UpperHex = "0123456789ABCDEF"u8.ToArray();
    private static readonly byte[] UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"u8.ToArray();
    private static readonly byte[] MixedAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8.ToArray();

    /// <summary>A random version-4 UUID in its 36-character lower-case form.</summary>
    public static void WriteUuid(Span<byte> destination, DeterministicRandom random)
    {
        var high = random.NextUInt64();
        var low = random.NextUInt64();
        var n = 0;
        for (var i = 0; i < 32; i++)
        {
            if (i is 8 or 12 or 16 or 20)
                destination[n++] = (byte)'-';
            int nibble;
            if (i == 12)
                nibble = 4;
            else if (i == 16)
                nibble = 8 | (int)(low & 3);
            else
                nibble = (int)((i < 16 ? high >> (i * 4) : low >> ((i - 16) * 4)) & 0xF);
            destination[n++] = LowerHex[nibble];
        }
    }

    public static void WriteHex(Span<byte> destination, DeterministicRandom random, bool upper = false)
    {
        var alphabet = upper ? UpperHex : LowerHex;
        ulong bits = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            if ((i & 15) == 0)
                bits = random.NextUInt64();
            destination[i] = alphabet[(int)(bits & 0xF)];
            bits >>= 4;
        }
    }

    /// <summary>Upper-case letters and digits 2–7, the alphabet of IAM unique ids and access key ids.</summary>
    public static void WriteIamAlphabet(Span<byte> destination, DeterministicRandom random)
    {
        ulong bits = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            if (i % 12 == 0)
                bits = random.NextUInt64();
            destination[i] = UpperAlphanumeric[(int)(bits & 31)];
            bits >>= 5;
        }
    }

    /// <summary>Writes the IAM alphabet from 128 given bits (up to 25 characters), for ids derived rather than drawn.</summary>
    public static void WriteIamAlphabet(Span<byte> destination, ulong bits, ulong moreBits)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if (i == 12)
                bits = moreBits;
            destination[i] = UpperAlphanumeric[(int)(bits & 31)];
            bits >>= 5;
        }
    }

    public static void WriteMixedAlphanumeric(Span<byte> destination, DeterministicRandom random)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = MixedAlphanumeric[random.Next(MixedAlphanumeric.Length)];
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ssZ</c>, the CloudTrail and Route 53 timestamp form.</summary>
    public static void WriteTimestamp(Span<byte> destination, long unixSeconds)
    {
        var time = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        Write4(destination, time.Year);
        destination[4] = (byte)'-';
        Write2(destination[5..], time.Month);
        destination[7] = (byte)'-';
        Write2(destination[8..], time.Day);
        destination[10] = (byte)'T';
        Write2(destination[11..], time.Hour);
        destination[13] = (byte)':';
        Write2(destination[14..], time.Minute);
        destination[16] = (byte)':';
        Write2(destination[17..], time.Second);
        destination[19] = (byte)'Z';
    }

    /// <summary>Writes a decimal number and returns the bytes written.</summary>
    public static int WriteNumber(Span<byte> destination, long value)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    public static string Uuid(DeterministicRandom random)
    {
        Span<byte> buffer = stackalloc byte[UuidLength];
        WriteUuid(buffer, random);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    public static string Hex(DeterministicRandom random, int length, bool upper = false)
    {
        Span<byte> buffer = stackalloc byte[length];
        WriteHex(buffer, random, upper);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    public static string IamId(DeterministicRandom random, string prefix, int length)
    {
        Span<byte> buffer = stackalloc byte[length];
        WriteIamAlphabet(buffer, random);
        return prefix + System.Text.Encoding.ASCII.GetString(buffer);
    }

    public static string MixedAlphanumeric16(DeterministicRandom random)
    {
        Span<byte> buffer = stackalloc byte[16];
        WriteMixedAlphanumeric(buffer, random);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    /// <summary>The <c>YYYYMMDDTHHmmZ</c> stamp AWS puts in delivered log file names.</summary>
    public static string FileStamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    private static void Write2(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static void Write4(Span<byte> destination, int value)
    {
        Write2(destination, value / 100);
        Write2(destination[2..], value % 100);
    }
}
