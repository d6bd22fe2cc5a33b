namespace Rampart.Posture.Checks;

/// <summary>The operators of a leaf condition; <see cref="CheckOperators"/> has their written names and value types.</summary>
public enum CheckOperator
{
    /// <summary><c>equals</c>: the value equals the given JSON value (types must match).</summary>
    EqualTo,

    /// <summary><c>not-equals</c>.</summary>
    NotEqualTo,

    /// <summary><c>in</c>: the value equals one of a list.</summary>
    In,

    /// <summary><c>not-in</c>.</summary>
    NotIn,

    /// <summary><c>exists</c>: present and not null.</summary>
    Exists,

    /// <summary><c>absent</c>: missing or null.</summary>
    Absent,

    /// <summary><c>empty</c>: missing, null, <c>""</c>, <c>[]</c> or <c>{}</c>.</summary>
    Empty,

    /// <summary><c>not-empty</c>.</summary>
    NotEmpty,

    /// <summary><c>gt</c>: a number greater than.</summary>
    GreaterThan,

    /// <summary><c>gte</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>lt</c>.</summary>
    LessThan,

    /// <summary><c>lte</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>contains</c>: a list holding the value, or a string holding the text.</summary>
    Contains,

    /// <summary><c>starts-with</c>.</summary>
    StartsWith,

    /// <summary><c>matches</c>: a string matching a regular expression (.NET syntax, no backtracking).</summary>
    Matches,

    /// <summary><c>older-than-days</c>: a timestamp more than N days before the evaluation time.</summary>
    OlderThanDays,

    /// <summary><c>newer-than-days</c>: a timestamp less than N days before the evaluation time.</summary>
    NewerThanDays,

    /// <summary><c>cidr-public</c>: an IPv4 or IPv6 range that reaches beyond private, loopback and link-local space.</summary>
    CidrPublic,

    /// <summary><c>cidr-contains</c>: a range that contains the given address or range.</summary>
    CidrContains,

    /// <summary><c>ports-include</c>: a security-group or NACL rule that admits every port of the given port, range or <c>all</c>.</summary>
    PortsInclude,

    /// <summary><c>policy-allows-public</c>: a resource policy that lets anyone (anonymous or any account) in.</summary>
    PolicyAllowsPublic,

    /// <summary><c>policy-allows-cross-account</c>: a resource policy that lets an account other than the owner and the listed ones in.</summary>
    PolicyAllowsCrossAccount,

    /// <summary><c>policy-denies-insecure-transport</c>: a resource policy that denies requests without TLS on the resource.</summary>
    PolicyDeniesInsecureTransport,
}
