using Rampart.Core;

namespace Rampart.Iam.Catalog;

/// <summary>
/// A condition key as the catalog defines it. The name may hold variable parts, written <c>${Name}</c> or
/// <c>&lt;name&gt;</c> (<c>aws:RequestTag/${TagKey}</c>, <c>s3:ExistingObjectTag/&lt;key&gt;</c>); each stands for
/// one or more characters of the key a policy uses (<c>aws:RequestTag/team</c>).
/// </summary>
/// <param name="Name">The key as AWS documents it, variable parts included.</param>
/// <param name="Type">The key's value type.</param>
public sealed record IamConditionKey(string Name, IamConditionKeyType Type)
{
    /// <summary>Whether <see cref="Name"/> holds a variable part.</summary>
    public bool HasVariable => ConditionKeyTemplate.HasVariable(Name);

    /// <summary>Whether the key takes several values (an <c>ArrayOf…</c> type).</summary>
    public bool IsMultivalued => Type >= IamConditionKeyType.ArrayOfString;

    /// <summary>
    /// Whether <paramref name="conditionKey"/>, a key as a policy writes it, is this key: equal ignoring case,
    /// or, when <see cref="Name"/> has variable parts, equal with each variable replaced by one or more characters.
    /// </summary>
    /// <param name="conditionKey">The key from a policy, such as <c>aws:RequestTag/team</c>.</param>
    public bool Matches(string conditionKey)
    {
        Guard.NotNull(conditionKey);
        return string.Equals(Name, conditionKey, StringComparison.OrdinalIgnoreCase)
            || ConditionKeyTemplate.Matches(Name, conditionKey);
    }
}
