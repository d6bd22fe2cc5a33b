namespace Rampart.Detection.Sigma.Searches;

/// <summary>What the modifiers of an item turn its values into.</summary>
internal enum ValueChainKind
{
    /// <summary>Strings with wildcards (the default).</summary>
    Text,

    /// <summary><c>re</c>.</summary>
    Regex,

    /// <summary><c>cidr</c>.</summary>
    Cidr,

    /// <summary><c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c>.</summary>
    Compare,

    /// <summary><c>minute</c> … <c>year</c>.</summary>
    TimePart,

    /// <summary><c>fieldref</c>.</summary>
    FieldReference,

    /// <summary><c>exists</c>.</summary>
    Exists,

    /// <summary><c>intel</c> (Rampart's extension): values name threat-intelligence lists.</summary>
    Intel,
}
