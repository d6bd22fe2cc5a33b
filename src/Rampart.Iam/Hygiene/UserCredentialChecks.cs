using Rampart.Core;

namespace Rampart.Iam.Hygiene;

/// <summary>Users' passwords, MFA and access keys from the credential report (CIS 1.10 to 1.14).</summary>
internal static class UserCredentialChecks
{
    private static readonly string[] Ids =
    [
        HygieneCheckIds.ConsoleUserWithoutMfa, HygieneCheckIds.SetupAccessKeyUnused, HygieneCheckIds.PasswordUnused,
        HygieneCheckIds.AccessKeyUnused, HygieneCheckIds.MultipleActiveAccessKeys, HygieneCheckIds.AccessKeyNotRotated,
    ];

    public static void Run(HygieneContext context)
    {
        if (context.Inputs.CredentialReport is not { } report)
        {
            foreach (var id in Ids)
                context.Note(id, "skipped: it reads the credential report (`aws iam generate-credential-report`, then `aws iam get-credential-report`).");
            return;
        }

        if (report.GeneratedTime is { } generated && context.Now - generated > context.Options.StaleReportAge)
        {
            context.Note(
                "credential-hygiene",
                $"the credential report {report.Source} was generated {HygieneContext.Format(generated)}, {HygieneContext.Days(context.DaysSince(generated))} before {context.NowText}; ages are measured to {context.NowText}, and any use since the report is unknown to it.");
        }

        foreach (var row in report.Rows)
        {
            if (row.IsRoot)
                continue;
            ConsoleWithoutMfa(context, row);
            PasswordUnused(context, row);
            foreach (var key in row.AccessKeys)
            {
                if (key.Active != true)
                    continue;
                SetupKeyUnused(context, row, key);
                KeyUnused(context, row, key);
                KeyNotRotated(context, row, key);
            }

            MultipleKeys(context, row);
        }
    }

    private static void ConsoleWithoutMfa(HygieneContext context, CredentialReportRow row)
    {
        if (row.PasswordEnabled != true || row.MfaActive != false)
            return;
        context.Add(
            HygieneCheckIds.ConsoleUserWithoutMfa,
            Severity.High,
            row.Arn,
            $"User {row.User} signs in to the console with a password and no MFA.",
            [HygieneContext.Cell(row, CredentialReportColumns.PasswordEnabled), HygieneContext.Cell(row, CredentialReportColumns.MfaActive)],
            HygieneContext.Controls("CIS 1.10", "FSBP IAM.5", "FSBP IAM.19"));
    }

    private static void PasswordUnused(HygieneContext context, CredentialReportRow row)
    {
        if (row.PasswordEnabled != true)
            return;
        var facts = new List<string> { HygieneContext.Cell(row, CredentialReportColumns.PasswordEnabled), HygieneContext.Cell(row, CredentialReportColumns.PasswordLastUsed) };
        DateTimeOffset since;
        string what;
        if (row.PasswordLastUsed is { } used)
        {
            since = used;
            what = "was last used";
        }
        else if ((row.PasswordLastChanged ?? row.UserCreationTime) is { } set)
        {
            since = set;
            what = "has never been used since it was set";
            facts.Add(HygieneContext.Cell(row, row.PasswordLastChanged is null ? CredentialReportColumns.UserCreationTime : CredentialReportColumns.PasswordLastChanged));
        }
        else
        {
            return;
        }

        var days = context.DaysSince(since);
        if (days < context.Options.UnusedCredentialDays)
            return;
        facts.Add($"{HygieneContext.Days(days)} before {context.NowText}; the limit is {HygieneContext.Days(context.Options.UnusedCredentialDays)}");
        context.Add(
            HygieneCheckIds.PasswordUnused,
            Severity.Medium,
            row.Arn,
            $"User {row.User}'s console password {what} {HygieneContext.Days(days)} ago; disable it.",
            facts,
            HygieneContext.Controls("CIS 1.12", "FSBP IAM.22"));
    }

    private static void KeyUnused(HygieneContext context, CredentialReportRow row, ReportAccessKey key)
    {
        var lastUsed = CredentialReportColumns.AccessKeyLastUsedDate(key.Number);
        var facts = new List<string> { HygieneContext.Cell(row, CredentialReportColumns.AccessKeyActive(key.Number)), HygieneContext.Cell(row, lastUsed) };
        DateTimeOffset since;
        string what;
        if (key.LastUsed is { } used)
        {
            since = used;
            what = "was last used";
        }
        else if (key.LastRotated is { } created && row.Value(lastUsed) == CredentialReportColumns.NotApplicable)
        {
            since = created;
            what = "has never been used since it was created";
            facts.Add(HygieneContext.Cell(row, CredentialReportColumns.AccessKeyLastRotated(key.Number)));
        }
        else
        {
            return;
        }

        var days = context.DaysSince(since);
        if (days < context.Options.UnusedCredentialDays)
            return;
        facts.Add($"{HygieneContext.Days(days)} before {context.NowText}; the limit is {HygieneContext.Days(context.Options.UnusedCredentialDays)}");
        context.Add(
            HygieneCheckIds.AccessKeyUnused,
            Severity.Medium,
            row.Arn,
            $"User {row.User}'s access key {key.Number} {what} {HygieneContext.Days(days)} ago; deactivate it.",
            facts,
            HygieneContext.Controls("CIS 1.12", "FSBP IAM.22"));
    }

    private static void KeyNotRotated(HygieneContext context, CredentialReportRow row, ReportAccessKey key)
    {
        if (key.LastRotated is not { } rotated)
            return;
        var days = context.DaysSince(rotated);
        if (context.Now - rotated <= TimeSpan.FromDays(context.Options.MaxAccessKeyAgeDays))
            return;
        context.Add(
            HygieneCheckIds.AccessKeyNotRotated,
            Severity.Medium,
            row.Arn,
            $"User {row.User}'s access key {key.Number} was created or last rotated {HygieneContext.Days(days)} ago.",
            [
                HygieneContext.Cell(row, CredentialReportColumns.AccessKeyActive(key.Number)),
                HygieneContext.Cell(row, CredentialReportColumns.AccessKeyLastRotated(key.Number)),
                $"{HygieneContext.Days(days)} before {context.NowText}; the limit is {HygieneContext.Days(context.Options.MaxAccessKeyAgeDays)}",
            ],
            HygieneContext.Controls("CIS 1.14", "FSBP IAM.3"));
    }

    private static void SetupKeyUnused(HygieneContext context, CredentialReportRow row, ReportAccessKey key)
    {
        var lastUsed = CredentialReportColumns.AccessKeyLastUsedDate(key.Number);
        if (row.PasswordEnabled != true || row.Value(lastUsed) != CredentialReportColumns.NotApplicable
            || key.LastRotated is not { } created || row.UserCreationTime is not { } user
            || (created - user).Duration() > context.Options.SetupKeyWindow)
        {
            return;
        }

        context.Add(
            HygieneCheckIds.SetupAccessKeyUnused,
            Severity.Low,
            row.Arn,
            $"User {row.User} got access key {key.Number} when the user was set up and has never used it; console users should not get keys by default.",
            [
                HygieneContext.Cell(row, CredentialReportColumns.PasswordEnabled),
                HygieneContext.Cell(row, CredentialReportColumns.UserCreationTime),
                HygieneContext.Cell(row, CredentialReportColumns.AccessKeyActive(key.Number)),
                HygieneContext.Cell(row, CredentialReportColumns.AccessKeyLastRotated(key.Number)),
                HygieneContext.Cell(row, lastUsed),
                $"the key was created within {Window(context.Options.SetupKeyWindow)} of the user",
            ],
            HygieneContext.Controls("CIS 1.11"));
    }

    private static void MultipleKeys(HygieneContext context, CredentialReportRow row)
    {
        if (row.AccessKeys.Count(key => key.Active == true) < 2)
            return;
        context.Add(
            HygieneCheckIds.MultipleActiveAccessKeys,
            Severity.Medium,
            row.Arn,
            $"User {row.User} has two active access keys.",
            [HygieneContext.Cell(row, CredentialReportColumns.AccessKeyActive(1)), HygieneContext.Cell(row, CredentialReportColumns.AccessKeyActive(2))],
            HygieneContext.Controls("CIS 1.13"));
    }

    private static string Window(TimeSpan window) =>
        window.TotalMinutes >= 60 && window.TotalMinutes % 60 == 0
            ? (window.TotalHours == 1 ? "1 hour" : $"{window.TotalHours:0} hours")
            : $"{window.TotalMinutes:0} minutes";
}
