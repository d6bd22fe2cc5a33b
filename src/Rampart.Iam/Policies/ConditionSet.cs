namespace Rampart.Iam.Policies;

/// <summary>How a condition treats a context key with several values.</summary>
public enum ConditionSet
{
    /// <summary>No qualifier: the key is compared as one value (any of several values matching counts).</summary>
    None,

    /// <summary><c>ForAllValues:</c> every value of the key must match; holds when the key is absent.</summary>
    ForAllValues,

    /// <summary><c>ForAnyValue:</c> at least one value of the key must match; fails when the key is absent.</summary>
    ForAnyValue,
}
