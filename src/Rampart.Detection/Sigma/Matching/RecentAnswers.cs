namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// The answers a costly test gave for the values it met last, by their text: log values repeat (one principal's
/// ARN, one client's user agent), so a regex runs once per distinct value rather than once per event.
/// Direct-mapped and shared by every thread: slots hold immutable pairs, so a race only loses an answer.
/// </summary>
internal sealed class RecentAnswers
{
    private const int Slots = 512;

    // Longer values seldom repeat and cost more to hash and keep.
    private const int MaxLength = 256;

    private readonly Answer?[] _slots = new Answer?[Slots];

    /// <summary>The answer kept for <paramref name="text"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out bool result, out int slot)
    {
        result = false;
        slot = -1;
        if (text.Length > MaxLength)
            return false;
        slot = string.GetHashCode(text) & (Slots - 1);
        if (Volatile.Read(ref _slots[slot]) is { } answer && text.SequenceEqual(answer.Text))
        {
            result = answer.Result;
            return true;
        }

        return false;
    }

    /// <summary>Keeps the answer for <paramref name="text"/> in the <paramref name="slot"/> <see cref="TryGet"/> gave.</summary>
    public void Keep(int slot, ReadOnlySpan<char> text, bool result)
    {
        if (slot >= 0)
            Volatile.Write(ref _slots[slot], new Answer(text.ToString(), result));
    }

    private sealed record Answer(string Text, bool Result);
}
