namespace Rampart.Iam.Catalog;

/// <summary>
/// The value type of a condition key, as AWS documents it. The <c>ArrayOf…</c> types are multivalued keys,
/// which policies test with the <c>ForAnyValue</c> and <c>ForAllValues</c> set operators.
/// </summary>
public enum IamConditionKeyType
{
    /// <summary>A string (<c>String</c>).</summary>
    String,

    /// <summary>An ARN (<c>ARN</c>).</summary>
    Arn,

    /// <summary>A number (<c>Numeric</c>).</summary>
    Numeric,

    /// <summary>A date and time (<c>Date</c>).</summary>
    Date,

    /// <summary>A Boolean (<c>Bool</c>).</summary>
    Bool,

    /// <summary>An IP address or CIDR range (<c>IPAddress</c>).</summary>
    IPAddress,

    /// <summary>Base64-encoded binary data (<c>Binary</c>).</summary>
    Binary,

    /// <summary>Several strings (<c>ArrayOfString</c>).</summary>
    ArrayOfString,

    /// <summary>Several ARNs (<c>ArrayOfARN</c>).</summary>
    ArrayOfArn,

    /// <summary>Several numbers (<c>ArrayOfNumeric</c>).</summary>
    ArrayOfNumeric,

    /// <summary>Several dates (<c>ArrayOfDate</c>).</summary>
    ArrayOfDate,

    /// <summary>Several Booleans (<c>ArrayOfBool</c>).</summary>
    ArrayOfBool,

    /// <summary>Several IP addresses (<c>ArrayOfIPAddress</c>).</summary>
    ArrayOfIPAddress,

    /// <summary>Several binary values (<c>ArrayOfBinary</c>).</summary>
    ArrayOfBinary,
}
