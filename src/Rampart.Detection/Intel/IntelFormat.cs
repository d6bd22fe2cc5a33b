namespace Rampart.Detection.Intel;

/// <summary>How a threat-intelligence list is written.</summary>
public enum IntelFormat
{
    /// <summary>Decided from the file name and its first bytes: <c>.csv</c> is CSV, JSON is STIX, anything else text.</summary>
    Auto,

    /// <summary>One indicator per line; <c>#</c> starts a comment.</summary>
    Text,

    /// <summary>CSV with a header; the indicator is in the column named <c>indicator</c>, <c>value</c>, <c>ip</c>, <c>domain</c> … or the first.</summary>
    Csv,

    /// <summary>A STIX 2.1 bundle whose <c>indicator</c> objects have patterns over addresses, domains and URLs.</summary>
    Stix,
}
