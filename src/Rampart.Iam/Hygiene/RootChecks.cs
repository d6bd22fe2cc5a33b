using Rampart.Core;

namespace Rampart.Iam.Hygiene;

/// <summary>The root user's access keys, MFA, kind of MFA and recent use (CIS 1.4 to 1.7).</summary>
internal static class RootChecks
{
    public static void Run(HygieneContext context)
    {
        var root = context.Inputs.CredentialReport?.Root;
        var summary = context.Inputs.AccountSummary;
        if (context.Inputs.CredentialReport is { } report && root is null)
            context.Note(HygieneCheckIds.RootAccessKey, $"the credential report {report.Source} has no `<root_account>` row; root checks rely on the account summary alone.");
        AccessKeys(context, root, summary);
        var mfaEnabled = Mfa(context, root, summary);
        HardwareMfa(context, mfaEnabled);
        RecentUse(context, root);
    }

    private static void AccessKeys(HygieneContext context, CredentialReportRow? root, AccountSummary? summary)
    {
        var facts = new List<string>();
        var present = false;
        var known = false;
        if (root is not null)
        {
            foreach (var key in root.AccessKeys)
            {
                if (key.Active is { } active)
                    known = true;
                if (key.Active == true)
                {
                    present = true;
                    facts.Add(HygieneContext.Cell(root, CredentialReportColumns.AccessKeyActive(key.Number)));
                    facts.Add(HygieneContext.Cell(root, CredentialReportColumns.AccessKeyLastRotated(key.Number)));
                    facts.Add(HygieneContext.Cell(root, CredentialReportColumns.AccessKeyLastUsedDate(key.Number)));
                }
            }
        }

        if (summary?.AccountAccessKeysPresent is { } summaryPresent)
        {
            known = true;
            if (summaryPresent)
            {
                present = true;
                facts.Add(HygieneContext.Summary(summary, "AccountAccessKeysPresent"));
            }
        }

        if (!known)
        {
            context.Note(HygieneCheckIds.RootAccessKey, "root access keys were not checked: give the credential report or the account summary (`aws iam get-account-summary`).");
            return;
        }

        if (present)
        {
            context.Add(
                HygieneCheckIds.RootAccessKey,
                Severity.Critical,
                context.RootArn,
                "The root user has an active access key: anyone holding it controls the whole account, and no policy can restrict it.",
                facts,
                HygieneContext.Controls("CIS 1.4", "FSBP IAM.4"));
        }
    }

    /// <summary>Reports root without MFA; returns whether root has MFA, or null when no input says.</summary>
    private static bool? Mfa(HygieneContext context, CredentialReportRow? root, AccountSummary? summary)
    {
        var facts = new List<string>();
        bool? enabled = null;
        if (root?.MfaActive is { } active)
        {
            enabled = active;
            if (!active)
                facts.Add(HygieneContext.Cell(root, CredentialReportColumns.MfaActive));
        }

        if (summary?.AccountMfaEnabled is { } summaryEnabled)
        {
            enabled = (enabled ?? true) && summaryEnabled;
            if (!summaryEnabled)
                facts.Add(HygieneContext.Summary(summary, "AccountMFAEnabled"));
        }

        if (enabled is null)
        {
            context.Note(HygieneCheckIds.RootMfa, "root MFA was not checked: give the credential report or the account summary (`aws iam get-account-summary`).");
            return null;
        }

        if (enabled == false)
        {
            context.Add(
                HygieneCheckIds.RootMfa,
                Severity.Critical,
                context.RootArn,
                "The root user has no MFA device: its password alone opens the whole account.",
                facts,
                HygieneContext.Controls("CIS 1.5", "CIS 1.6", "FSBP IAM.9", "FSBP IAM.6"));
        }

        return enabled;
    }

    private static void HardwareMfa(HygieneContext context, bool? mfaEnabled)
    {
        if (mfaEnabled == false)
            return;
        if (context.Inputs.VirtualMfaDevices is not { } devices)
        {
            context.Note(HygieneCheckIds.RootHardwareMfa, "whether root's MFA is hardware or virtual was not checked: give `aws iam list-virtual-mfa-devices`.");
            return;
        }

        var virtualDevice = devices.Devices.FirstOrDefault(device => device.IsRoot);
        if (virtualDevice is null)
        {
            if (mfaEnabled is null)
                context.Note(HygieneCheckIds.RootHardwareMfa, "no virtual MFA device is assigned to root, but whether root has MFA at all is unknown: give the credential report or the account summary.");
            return;
        }

        var facts = new List<string>
        {
            $"{virtualDevice.Location}: virtual MFA device {virtualDevice.SerialNumber} is assigned to {virtualDevice.UserArn}",
        };
        if (virtualDevice.EnableDate is { } enabled)
            facts.Add("it was enabled " + HygieneContext.Format(enabled));
        context.Add(
            HygieneCheckIds.RootHardwareMfa,
            Severity.Medium,
            virtualDevice.UserArn ?? context.RootArn,
            "The root user's MFA is a virtual device (an app on a phone or computer), not a hardware key.",
            facts,
            HygieneContext.Controls("CIS 1.6", "FSBP IAM.6"));
    }

    private static void RecentUse(HygieneContext context, CredentialReportRow? root)
    {
        if (root is null)
        {
            context.Note(HygieneCheckIds.RootRecentUse, "recent use of root was not checked: give the credential report, which holds root's last password and key use.");
            return;
        }

        var limit = context.Options.RootRecentUseDays;
        var facts = new List<string>();
        var mostRecent = int.MaxValue;
        void Consider(DateTimeOffset? used, string column)
        {
            if (used is not { } date || context.DaysSince(date) >= limit)
                return;
            mostRecent = Math.Min(mostRecent, context.DaysSince(date));
            facts.Add($"{HygieneContext.Cell(root, column)}, {HygieneContext.Days(context.DaysSince(date))} before {context.NowText}");
        }

        Consider(root.PasswordLastUsed, CredentialReportColumns.PasswordLastUsed);
        foreach (var key in root.AccessKeys)
            Consider(key.LastUsed, CredentialReportColumns.AccessKeyLastUsedDate(key.Number));
        if (facts.Count == 0)
            return;
        facts.Add($"the limit is use within {HygieneContext.Days(limit)}");
        context.Add(
            HygieneCheckIds.RootRecentUse,
            Severity.Medium,
            context.RootArn,
            $"The root user was used {(mostRecent == 0 ? "within the last day" : HygieneContext.Days(mostRecent) + " ago")}; everyday work should use IAM users or roles.",
            facts,
            HygieneContext.Controls("CIS 1.7"));
    }
}
