namespace Rampart.Detection.Sigma.Searches;

/// <summary>Every value modifier of Sigma v2.1, and Rampart's <c>intel</c> extension.</summary>
internal enum ModifierKind
{
    Contains,
    StartsWith,
    EndsWith,
    All,
    Exists,
    Cased,
    NotEqual,
    WindowsDash,
    Regex,
    RegexIgnoreCase,
    RegexMultiline,
    RegexDotAll,
    Base64,
    Base64Offset,
    Utf16LittleEndian,
    Utf16BigEndian,
    Utf16,
    Wide,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Cidr,
    Expand,
    FieldReference,

    /// <summary>Rampart's extension: the value is on a threat-intelligence list.</summary>
    Intel,
}
