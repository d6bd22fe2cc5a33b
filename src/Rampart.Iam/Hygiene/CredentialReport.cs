using System.Collections.Immutable;

namespace Rampart.Iam.Hygiene;

/// <summary>The IAM credential report: one row per user and one for root. Read one with <see cref="CredentialReportReader"/>.</summary>
/// <param name="Source">The input's name as given.</param>
/// <param name="GeneratedTime">When AWS generated the report (<c>GeneratedTime</c> of the JSON response); null for a bare CSV.</param>
/// <param name="Rows">The rows, in file order, each user once.</param>
public sealed record CredentialReport(string Source, DateTimeOffset? GeneratedTime, ImmutableArray<CredentialReportRow> Rows)
{
    /// <summary>The root user's row, or null when the report has none.</summary>
    public CredentialReportRow? Root => Rows.FirstOrDefault(row => row.IsRoot);

    /// <summary>The row of the user with this name (compared exactly), or null.</summary>
    public CredentialReportRow? FindUser(string name) => Rows.FirstOrDefault(row => row.User == name);
}
