namespace Rampart.Iam.Accounts;

/// <summary>A tag on a user or role.</summary>
/// <param name="Key">The tag key.</param>
/// <param name="Value">The tag value; empty when the tag has none.</param>
public readonly record struct IamTag(string Key, string Value);
