namespace Rampart.Core.Events;

/// <summary>What <see cref="JsonRecord.TryLoadPrefix"/> found at the start of the bytes it was given.</summary>
public enum JsonPrefixLoad
{
    /// <summary>One whole value, now loaded.</summary>
    Loaded,

    /// <summary>The start of a value that goes on past the bytes: give more.</summary>
    Incomplete,

    /// <summary>Bytes that are not valid JSON.</summary>
    Invalid,
}
