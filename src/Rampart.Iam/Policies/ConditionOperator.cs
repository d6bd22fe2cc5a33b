namespace Rampart.Iam.Policies;

/// <summary>The comparison of a condition operator, without its <c>IfExists</c> suffix or set qualifier.</summary>
public enum ConditionOperator
{
    /// <summary><c>StringEquals</c>: exact, case-sensitive.</summary>
    StringEquals,

    /// <summary><c>StringNotEquals</c>.</summary>
    StringNotEquals,

    /// <summary><c>StringEqualsIgnoreCase</c>.</summary>
    StringEqualsIgnoreCase,

    /// <summary><c>StringNotEqualsIgnoreCase</c>.</summary>
    StringNotEqualsIgnoreCase,

    /// <summary><c>StringLike</c>: case-sensitive, with <c>*</c> and <c>?</c>.</summary>
    StringLike,

    /// <summary><c>StringNotLike</c>.</summary>
    StringNotLike,

    /// <summary><c>NumericEquals</c>.</summary>
    NumericEquals,

    /// <summary><c>NumericNotEquals</c>.</summary>
    NumericNotEquals,

    /// <summary><c>NumericLessThan</c>.</summary>
    NumericLessThan,

    /// <summary><c>NumericLessThanEquals</c>.</summary>
    NumericLessThanEquals,

    /// <summary><c>NumericGreaterThan</c>.</summary>
    NumericGreaterThan,

    /// <summary><c>NumericGreaterThanEquals</c>.</summary>
    NumericGreaterThanEquals,

    /// <summary><c>DateEquals</c>: ISO 8601 or epoch seconds.</summary>
    DateEquals,

    /// <summary><c>DateNotEquals</c>.</summary>
    DateNotEquals,

    /// <summary><c>DateLessThan</c>.</summary>
    DateLessThan,

    /// <summary><c>DateLessThanEquals</c>.</summary>
    DateLessThanEquals,

    /// <summary><c>DateGreaterThan</c>.</summary>
    DateGreaterThan,

    /// <summary><c>DateGreaterThanEquals</c>.</summary>
    DateGreaterThanEquals,

    /// <summary><c>Bool</c>: <c>true</c> or <c>false</c>, case-insensitive.</summary>
    Bool,

    /// <summary><c>BinaryEquals</c>: base64 values compared byte for byte.</summary>
    BinaryEquals,

    /// <summary><c>IpAddress</c>: the address lies in one of the networks.</summary>
    IpAddress,

    /// <summary><c>NotIpAddress</c>.</summary>
    NotIpAddress,

    /// <summary><c>ArnEquals</c>: segment by segment, with wildcards, case-sensitive.</summary>
    ArnEquals,

    /// <summary><c>ArnLike</c>: as <c>ArnEquals</c>.</summary>
    ArnLike,

    /// <summary><c>ArnNotEquals</c>.</summary>
    ArnNotEquals,

    /// <summary><c>ArnNotLike</c>.</summary>
    ArnNotLike,

    /// <summary><c>Null</c>: <c>true</c> holds when the key is absent, <c>false</c> when present.</summary>
    Null,
}
