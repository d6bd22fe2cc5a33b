namespace Rampart.Detection.Sigma.Searches;

/// <summary>What a piece of a Sigma string is.</summary>
internal enum PatternPartKind
{
    /// <summary>Plain text.</summary>
    Literal,

    /// <summary><c>*</c>: any run of characters, possibly empty.</summary>
    AnyString,

    /// <summary><c>?</c>: exactly one character.</summary>
    AnyChar,
}
