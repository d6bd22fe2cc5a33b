using System.Collections.Immutable;

namespace Rampart.Iam.Hygiene;

/// <summary>The columns of the IAM credential report and the special values its cells hold, as AWS documents them.</summary>
public static class CredentialReportColumns
{
    /// <summary>The user name; <see cref="RootUser"/> for the account's root user.</summary>
    public const string User = "user";

    /// <summary>The user's ARN.</summary>
    public const string Arn = "arn";

    /// <summary>When the user was created.</summary>
    public const string UserCreationTime = "user_creation_time";

    /// <summary>Whether the user has a console password (<see cref="NotSupported"/> for root).</summary>
    public const string PasswordEnabled = "password_enabled";

    /// <summary>When the password was last used to sign in; <see cref="NoInformation"/> when never (or not since October 2014); <see cref="NotApplicable"/> without a password.</summary>
    public const string PasswordLastUsed = "password_last_used";

    /// <summary>When the password was last set; <see cref="NotApplicable"/> without a password.</summary>
    public const string PasswordLastChanged = "password_last_changed";

    /// <summary>When the password policy requires the next change; <see cref="NotApplicable"/> when it requires none.</summary>
    public const string PasswordNextRotation = "password_next_rotation";

    /// <summary>Whether an MFA device is enabled for the user.</summary>
    public const string MfaActive = "mfa_active";

    /// <summary>The user's row for the root user.</summary>
    public const string RootUser = "<root_account>";

    /// <summary>Not applicable: no such credential, or (for <c>last_used</c> columns) never used.</summary>
    public const string NotApplicable = "N/A";

    /// <summary>The column does not apply to the root user.</summary>
    public const string NotSupported = "not_supported";

    /// <summary>No data: a password never used, or not since IAM began tracking use (20 October 2014).</summary>
    public const string NoInformation = "no_information";

    /// <summary>Every column, in the order AWS writes them.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        User, Arn, UserCreationTime, PasswordEnabled, PasswordLastUsed, PasswordLastChanged, PasswordNextRotation, MfaActive,
        AccessKeyActive(1), AccessKeyLastRotated(1), AccessKeyLastUsedDate(1), AccessKeyLastUsedRegion(1), AccessKeyLastUsedService(1),
        AccessKeyActive(2), AccessKeyLastRotated(2), AccessKeyLastUsedDate(2), AccessKeyLastUsedRegion(2), AccessKeyLastUsedService(2),
        CertActive(1), CertLastRotated(1), CertActive(2), CertLastRotated(2),
    ];

    /// <summary><c>access_key_N_active</c>.</summary>
    public static string AccessKeyActive(int key) => Key(key) + "_active";

    /// <summary><c>access_key_N_last_rotated</c>: when the key was created or last changed.</summary>
    public static string AccessKeyLastRotated(int key) => Key(key) + "_last_rotated";

    /// <summary><c>access_key_N_last_used_date</c>; <see cref="NotApplicable"/> when never used (or not since April 2015).</summary>
    public static string AccessKeyLastUsedDate(int key) => Key(key) + "_last_used_date";

    /// <summary><c>access_key_N_last_used_region</c>.</summary>
    public static string AccessKeyLastUsedRegion(int key) => Key(key) + "_last_used_region";

    /// <summary><c>access_key_N_last_used_service</c>.</summary>
    public static string AccessKeyLastUsedService(int key) => Key(key) + "_last_used_service";

    /// <summary><c>cert_N_active</c>: an X.509 signing certificate.</summary>
    public static string CertActive(int cert) => Cert(cert) + "_active";

    /// <summary><c>cert_N_last_rotated</c>.</summary>
    public static string CertLastRotated(int cert) => Cert(cert) + "_last_rotated";

    private static string Key(int key) => key switch
    {
        1 => "access_key_1",
        2 => "access_key_2",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "The report has access keys 1 and 2."),
    };

    private static string Cert(int cert) => cert switch
    {
        1 => "cert_1",
        2 => "cert_2",
        _ => throw new ArgumentOutOfRangeException(nameof(cert), cert, "The report has certificates 1 and 2."),
    };
}
