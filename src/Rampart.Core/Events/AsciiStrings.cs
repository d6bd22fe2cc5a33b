using System.Buffers.Binary;
using System.Text;

namespace Rampart.Core.Events;

/// <summary>
/// A small per-thread cache of short ASCII strings by their bytes, so that the values that repeat across records —
/// regions, event names, accounts, principals, addresses — are allocated once per thread instead of once per record.
/// Direct-mapped: a value that does not repeat costs one hash and one comparison more than decoding it.
/// </summary>
internal static class AsciiStrings
{
    /// <summary>The longest value kept: principals' ARNs and most user agents fit, documents do not.</summary>
    public const int MaxLength = 192;

    private const int Slots = 4096;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>This thread's cache, for a reader to keep at hand while it reads on this thread.</summary>
    public static string?[] ForThisThread() => t_slots ??= new string?[Slots];

    /// <summary>The string of <paramref name="ascii"/> (printable ASCII, at most <see cref="MaxLength"/> bytes), from <paramref name="slots"/>.</summary>
    public static string Get(string?[] slots, ReadOnlySpan<byte> ascii)
    {
        ref var slot = ref slots[Hash(ascii) & (Slots - 1)];
        if (slot is { } cached && cached.Length == ascii.Length && Ascii.Equals(ascii, cached))
            return cached;
        return slot = Encoding.ASCII.GetString(ascii);
    }

    // The first and last eight bytes and the length: values that repeat differ in their ends (regions, ARNs, names).
    private static int Hash(ReadOnlySpan<byte> ascii)
    {
        ulong first, last;
        if (ascii.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(ascii);
            last = BinaryPrimitives.ReadUInt64LittleEndian(ascii[^8..]);
        }
        else
        {
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            ascii.CopyTo(padded);
            first = last = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        }

        var mixed = (first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)ascii.Length;
        return (int)(mixed >> 40);
    }
}
