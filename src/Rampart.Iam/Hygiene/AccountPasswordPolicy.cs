using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// The account's password policy (<c>aws iam get-account-password-policy</c>), or the fact that none is set. A member the
/// response lacks (or that could not be read) is null; AWS omits <c>MaxPasswordAge</c> and <c>PasswordReusePrevention</c>
/// when they are off. Read one with <see cref="PasswordPolicyReader"/>.
/// </summary>
public sealed record AccountPasswordPolicy
{
    /// <summary>The input's name as given.</summary>
    public required string Source { get; init; }

    /// <summary>Whether the account has a password policy; false when the input says none is set.</summary>
    public bool IsSet { get; init; }

    /// <summary><c>MinimumPasswordLength</c> (6 to 128).</summary>
    public int? MinimumPasswordLength { get; init; }

    /// <summary><c>RequireSymbols</c>.</summary>
    public bool? RequireSymbols { get; init; }

    /// <summary><c>RequireNumbers</c>.</summary>
    public bool? RequireNumbers { get; init; }

    /// <summary><c>RequireUppercaseCharacters</c>.</summary>
    public bool? RequireUppercaseCharacters { get; init; }

    /// <summary><c>RequireLowercaseCharacters</c>.</summary>
    public bool? RequireLowercaseCharacters { get; init; }

    /// <summary><c>AllowUsersToChangePassword</c>.</summary>
    public bool? AllowUsersToChangePassword { get; init; }

    /// <summary><c>ExpirePasswords</c>.</summary>
    public bool? ExpirePasswords { get; init; }

    /// <summary><c>MaxPasswordAge</c> in days (1 to 1,095), absent when passwords do not expire.</summary>
    public int? MaxPasswordAge { get; init; }

    /// <summary><c>PasswordReusePrevention</c>: how many previous passwords may not be reused (1 to 24), absent when off.</summary>
    public int? PasswordReusePrevention { get; init; }

    /// <summary><c>HardExpiry</c>.</summary>
    public bool? HardExpiry { get; init; }

    /// <summary>Where each member read was, by its name (<c>MinimumPasswordLength</c>…).</summary>
    public ImmutableDictionary<string, SourceLocation> Locations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>No password policy is set.</summary>
    public static AccountPasswordPolicy NotSet(string source) => new() { Source = source, IsSet = false };
}
