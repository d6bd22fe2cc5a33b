using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// One user's row of the credential report, typed, with the cells as written. A typed value is null when the cell is a
/// special value (<c>N/A</c>, <c>not_supported</c>, <c>no_information</c>), unreadable, or its column missing; the cell's
/// text in <see cref="Values"/> says which.
/// </summary>
public sealed record CredentialReportRow
{
    /// <summary>Where the row is: the file (or <c>file: $.Content</c> when the CSV came inside JSON), its line, and its 1-based row number among the data rows.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The user name; <c>&lt;root_account&gt;</c> for root.</summary>
    public required string User { get; init; }

    /// <summary>The user's ARN (the account's <c>…:root</c> for root); empty when the row gives none.</summary>
    public required string Arn { get; init; }

    /// <summary>Whether this is the root user's row.</summary>
    public bool IsRoot => User == CredentialReportColumns.RootUser;

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? UserCreationTime { get; init; }

    /// <summary>Whether the user has a console password; null for root (<c>not_supported</c>) or when unknown.</summary>
    public bool? PasswordEnabled { get; init; }

    /// <summary>When the password was last used to sign in.</summary>
    public DateTimeOffset? PasswordLastUsed { get; init; }

    /// <summary>When the password was last set.</summary>
    public DateTimeOffset? PasswordLastChanged { get; init; }

    /// <summary>Whether an MFA device is enabled.</summary>
    public bool? MfaActive { get; init; }

    /// <summary>The two access-key slots, 1 then 2.</summary>
    public ImmutableArray<ReportAccessKey> AccessKeys { get; init; } = [];

    /// <summary>Every cell as written, by column name (the header's names); absent for columns the row lacks.</summary>
    public ImmutableDictionary<string, string> Values { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The cell of <paramref name="column"/> as written, or null when the row has no such column.</summary>
    public string? Value(string column) => Values.GetValueOrDefault(column);
}
