namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="Random"/> because the
/// output files must stay byte-identical for a seed across runtime versions, which <see cref="Random"/> does
/// not promise.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DeterministicRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>Derives an independent seed from a parent seed and a few identifying numbers.</summary>
    public static ulong Derive(ulong seed, ulong a, ulong b = 0, ulong c = 0, ulong d = 0)
    {
        var state = seed ^ 0x5851F42D4C957F2DUL;
        var h = SplitMix(ref state);
        h ^= Finalize(a + 0x9E3779B97F4A7C15UL);
        h = Finalize(h);
        h ^= Finalize(b + 0xC2B2AE3D27D4EB4FUL);
        h = Finalize(h);
        h ^= Finalize(c + 0x165667B19E3779F9UL);
        h = Finalize(h);
        h ^= Finalize(d + 0x27D4EB2F165667C5UL);
        return Finalize(h);
    }

    /// <summary>A stable 64-bit hash of text, for deriving seeds from names.</summary>
    public static ulong Hash(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in text)
        {
            h ^= ch;
            h *= 0x100000001B3UL;
        }

        return Finalize(h);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>); the tiny modulo bias is irrelevant for synthetic data.</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>A value in [0, <paramref name="maxExclusive"/>) for large ranges.</summary>
    public long NextInt64(long maxExclusive) => (long)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>A log-normal-ish positive value around <paramref name="median"/>, for sizes and durations.</summary>
    public double Skewed(double median, double spread)
    {
        // Sum of three uniforms approximates a normal well enough for a spread of sizes.
        var normal = (NextDouble() + NextDouble() + NextDouble() - 1.5) * 2.0;
        return median * Math.Exp(normal * spread);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Finalize(state);
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
