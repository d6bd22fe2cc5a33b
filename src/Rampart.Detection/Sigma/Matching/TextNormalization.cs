namespace Rampart.Detection.Sigma.Matching;

/// <summary>How an event's text is adjusted before a mapped field is compared.</summary>
internal enum TextNormalization
{
    /// <summary>Compared as written.</summary>
    None,

    /// <summary>One trailing dot of a string is ignored: Route 53 writes names fully qualified (<c>example.com.</c>).</summary>
    TrimTrailingDot,
}
