using System.Text;
using Rampart.Core.Events;

namespace Rampart.Detection.Correlation;

/// <summary>
/// Gives the text of short ASCII values still in the reader's buffer from a small per-thread cache, so that the
/// values correlations keep of every event — regions, services, principals — are decoded and allocated once,
/// not once per event.
/// </summary>
internal static class ValueCache
{
    private const int Slots = 4096;
    private const int MaxLength = 128;

    [ThreadStatic]
    private static (byte[] Bytes, string Text)[]? t_slots;

    public static string? TextOf(in FieldValue value)
    {
        if (!value.TryGetAsciiUtf8(out var ascii) || ascii.Length > MaxLength)
            return value.Text;
        var slots = t_slots ??= new (byte[], string)[Slots];
        var hash = new HashCode();
        hash.AddBytes(ascii);
        var index = hash.ToHashCode() & (Slots - 1);
        ref var slot = ref slots[index];
        if (slot.Bytes is not null && ascii.SequenceEqual(slot.Bytes))
            return slot.Text;
        var text = Encoding.ASCII.GetString(ascii);
        slot = (ascii.ToArray(), text);
        return text;
    }
}
