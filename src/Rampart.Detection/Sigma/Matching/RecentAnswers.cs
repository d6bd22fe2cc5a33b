using System.Runtime.InteropServices;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// The answers a costly test gave for the values it met last, by their text. Log values repeat (one principal's
/// ARN, one client's user agent), so a regex runs once per distinct value rather than once per event. The slot is
/// chosen from the value's length and its last characters, where values that repeat differ (session names, instance
/// ids), so that finding one costs less than hashing it. Direct-mapped and shared by every thread: slots hold
/// immutable pairs, so a race only loses an answer.
/// </summary>
internal sealed class RecentAnswers
{
    private const int SlotBits = 9;

    // Longer values seldom repeat and cost more to compare and keep.
    private const int MaxLength = 256;

    private readonly Answer?[] _slots = new Answer?[1 << SlotBits];

    /// <summary>The answer kept for <paramref name="text"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out bool result)
    {
        if (text.Length <= MaxLength && Volatile.Read(ref _slots[SlotOf(text)]) is { } answer && text.SequenceEqual(answer.Text))
        {
            result = answer.Result;
            return true;
        }

        result = false;
        return false;
    }

    /// <summary>Keeps the answer for <paramref name="text"/>, in place of whatever held its slot.</summary>
    public void Keep(ReadOnlySpan<char> text, bool result)
    {
        if (text.Length <= MaxLength)
            Volatile.Write(ref _slots[SlotOf(text)], new Answer(text.ToString(), result));
    }

    private static int SlotOf(ReadOnlySpan<char> text)
    {
        ulong tail = 0;
        if (text.Length >= 4)
            tail = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text[^4..]));
        else
        {
            foreach (var c in text)
                tail = (tail << 16) | c;
        }

        var middle = text.IsEmpty ? 0UL : text[text.Length / 2];
        return (int)(((tail ^ (middle << 48) ^ (ulong)text.Length) * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
    }

    private sealed record Answer(string Text, bool Result);
}
