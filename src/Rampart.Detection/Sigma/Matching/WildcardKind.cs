namespace Rampart.Detection.Sigma.Matching;

/// <summary>The shape a wildcard pattern compiles to; the simple shapes are single span operations.</summary>
internal enum WildcardKind
{
    /// <summary>No wildcards: equality.</summary>
    Exact,

    /// <summary><c>text*</c>.</summary>
    Prefix,

    /// <summary><c>*text</c>.</summary>
    Suffix,

    /// <summary><c>*text*</c>.</summary>
    Contains,

    /// <summary>Only <c>*</c>: any value.</summary>
    Any,

    /// <summary>Anything else: segments between <c>*</c>, possibly with <c>?</c>.</summary>
    General,
}
