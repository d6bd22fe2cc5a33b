using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// The account's IAM usage and quotas (<c>aws iam get-account-summary</c>'s <c>SummaryMap</c>). Read one with
/// <see cref="AccountSummaryReader"/>.
/// </summary>
/// <param name="Source">The input's name as given.</param>
/// <param name="Values">Every integer entry of <c>SummaryMap</c>, by name.</param>
/// <param name="Locations">Where each entry was, by name.</param>
public sealed record AccountSummary(string Source, ImmutableDictionary<string, long> Values, ImmutableDictionary<string, SourceLocation> Locations)
{
    /// <summary><c>AccountMFAEnabled</c>: whether the root user has an MFA device; null when absent.</summary>
    public bool? AccountMfaEnabled => Flag("AccountMFAEnabled");

    /// <summary><c>AccountAccessKeysPresent</c>: whether the root user has access keys; null when absent.</summary>
    public bool? AccountAccessKeysPresent => Flag("AccountAccessKeysPresent");

    /// <summary><c>ServerCertificates</c>: how many server certificates IAM stores; null when absent.</summary>
    public long? ServerCertificates => Value("ServerCertificates");

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public long? Value(string name) => Values.TryGetValue(name, out var value) ? value : null;

    private bool? Flag(string name) => Value(name) is { } value ? value != 0 : null;
}
