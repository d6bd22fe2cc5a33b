namespace Rampart.Iam.Hygiene;

/// <summary>The thresholds of <see cref="CredentialHygieneChecks"/>; the defaults are CIS AWS Foundations 3.0's.</summary>
public sealed record HygieneOptions
{
    /// <summary>The defaults.</summary>
    public static HygieneOptions Default { get; } = new();

    /// <summary>A password or active access key unused for this many days or more is reported (CIS 1.12); 45.</summary>
    public int UnusedCredentialDays { get; init; } = 45;

    /// <summary>An active access key created or rotated more than this many days ago is reported (CIS 1.14); 90.</summary>
    public int MaxAccessKeyAgeDays { get; init; } = 90;

    /// <summary>
    /// Root's password or keys used within this many days is reported (CIS 1.7); 30. CIS sets no number; a month keeps a
    /// rare, deliberate root task (closing the account, changing support plans) visible for one review cycle.
    /// </summary>
    public int RootRecentUseDays { get; init; } = 30;

    /// <summary>
    /// An access key created within this time of its user is taken as created at setup (CIS 1.11); one hour. The console's
    /// create-user wizard and scripts do both within seconds; an hour also covers a person finishing the job by hand.
    /// </summary>
    public TimeSpan SetupKeyWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The shortest minimum password length accepted (CIS 1.8); 14.</summary>
    public int MinimumPasswordLength { get; init; } = 14;

    /// <summary>The fewest remembered passwords accepted (CIS 1.9); 24, the most IAM allows.</summary>
    public int PasswordReusePrevention { get; init; } = 24;

    /// <summary>A credential report generated more than this long before <c>now</c> earns a note that last-use dates may be stale; one day.</summary>
    public TimeSpan StaleReportAge { get; init; } = TimeSpan.FromDays(1);
}
