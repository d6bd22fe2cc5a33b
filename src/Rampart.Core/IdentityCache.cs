using System.Runtime.CompilerServices;

namespace Rampart.Core;

/// <summary>
/// A small direct-mapped cache in front of a dictionary, by the identity of its keys: the keys a hot loop meets
/// again and again (the rules matching most events, the principals of the groups being counted, strings shared
/// through a cache of values) are found without hashing their contents. A key whose slot another key took is
/// looked up again. Belongs to one thread.
/// </summary>
/// <typeparam name="TKey">Compared by reference; equal keys that are different instances take a slot each.</typeparam>
/// <typeparam name="TValue">What the dictionary behind it gives.</typeparam>
public sealed class IdentityCache<TKey, TValue>
    where TKey : class
{
    private readonly TKey?[] _keys;
    private readonly TValue[] _values;

    /// <summary>A cache of <paramref name="slots"/> slots, a power of two.</summary>
    public IdentityCache(int slots = 16)
    {
        if (slots < 1 || (slots & (slots - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "Expected a power of two.");
        _keys = new TKey?[slots];
        _values = new TValue[slots];
    }

    /// <summary>The value for <paramref name="key"/>: the cached one, else <paramref name="lookup"/>'s, which is then cached.</summary>
    public TValue Get(TKey key, Func<TKey, TValue> lookup)
    {
        var slot = RuntimeHelpers.GetHashCode(key) & (_keys.Length - 1);
        if (ReferenceEquals(_keys[slot], key))
            return _values[slot];
        var value = lookup(key);
        _keys[slot] = key;
        _values[slot] = value;
        return value;
    }

    /// <summary>Forgets every key cached with <paramref name="value"/>, which the dictionary no longer gives.</summary>
    public void Forget(TValue value)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (EqualityComparer<TValue>.Default.Equals(_values[i], value))
            {
                _keys[i] = null;
                _values[i] = default!;
            }
        }
    }
}
