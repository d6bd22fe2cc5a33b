using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;

namespace Rampart.Core.Events;

/// <summary>
/// A field name as rules write it (<c>userIdentity.arn</c>), split once into its segments so that
/// events can be navigated without re-parsing. Build it at compile time, never per event.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    // Every name met, numbered in the order met: as many as the rules loaded name, never more. Rule files compile on
    // several threads: each number is drawn once (a name two threads add at once may leave one number unused), so
    // two names never share one.
    private static readonly ConcurrentDictionary<string, int> Ordinals = new(StringComparer.Ordinal);
    private static int s_lastOrdinal = -1;

    private FieldPath(string name, ImmutableArray<string> segments)
    {
        Name = name;
        Segments = segments;
        Utf8Segments = [.. segments.Select(Encoding.UTF8.GetBytes)];
        Ordinal = Ordinals.GetOrAdd(name, static _ => Interlocked.Increment(ref s_lastOrdinal));
    }

    /// <summary>
    /// A small number for the name, the same for every path of that name in the process: tables indexed by it keep
    /// something per field (the values an event holds there) without hashing names.
    /// </summary>
    public int Ordinal { get; }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    /// <summary>The dot-separated segments.</summary>
    public ImmutableArray<string> Segments { get; }

    /// <summary>The segments as UTF-8, encoded once, for comparing with property names of JSON events.</summary>
    internal ImmutableArray<byte[]> Utf8Segments { get; }

    /// <summary>Splits a dotted field name into segments.</summary>
    public static FieldPath Parse(string name)
    {
        Guard.NotNull(name);
        return new FieldPath(name, [.. name.Split('.')]);
    }

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
