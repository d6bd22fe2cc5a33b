using System.Globalization;
using Rampart.Core;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// The account password policy (CIS 1.8, 1.9; AWS FSBP IAM.7). One finding per requirement, so each maps to its control
/// and can be accepted on its own; character classes share one finding that lists every one missing.
/// </summary>
internal static class PasswordPolicyChecks
{
    private const string Principal = "password policy";

    public static void Run(HygieneContext context)
    {
        if (context.Inputs.PasswordPolicy is not { } policy)
        {
            foreach (var id in new[] { HygieneCheckIds.PasswordPolicyMissing, HygieneCheckIds.PasswordPolicyLength, HygieneCheckIds.PasswordPolicyReuse, HygieneCheckIds.PasswordPolicyComplexity })
                context.Note(id, "skipped: it reads the password policy (`aws iam get-account-password-policy`).");
            return;
        }

        var principal = PolicyPrincipal(context);
        if (!policy.IsSet)
        {
            context.Add(
                HygieneCheckIds.PasswordPolicyMissing,
                Severity.Medium,
                principal,
                "The account has no password policy: IAM users' passwords need only 8 characters and may be reused.",
                [$"{policy.Source}: no password policy is set"],
                HygieneContext.Controls("CIS 1.8", "CIS 1.9", "FSBP IAM.7", "FSBP IAM.15", "FSBP IAM.16"));
            return;
        }

        var options = context.Options;
        if (policy.MinimumPasswordLength is not { } length || length < options.MinimumPasswordLength)
        {
            context.Add(
                HygieneCheckIds.PasswordPolicyLength,
                Severity.Medium,
                principal,
                string.Create(CultureInfo.InvariantCulture, $"The password policy accepts passwords shorter than {options.MinimumPasswordLength} characters."),
                [
                    HygieneContext.Policy(policy, nameof(AccountPasswordPolicy.MinimumPasswordLength), policy.MinimumPasswordLength),
                    string.Create(CultureInfo.InvariantCulture, $"the minimum should be {options.MinimumPasswordLength} or more"),
                ],
                HygieneContext.Controls("CIS 1.8", "FSBP IAM.15"));
        }

        if (policy.PasswordReusePrevention is not { } reuse || reuse < options.PasswordReusePrevention)
        {
            context.Add(
                HygieneCheckIds.PasswordPolicyReuse,
                Severity.Low,
                principal,
                policy.PasswordReusePrevention is null
                    ? "The password policy lets users reuse their previous passwords."
                    : string.Create(CultureInfo.InvariantCulture, $"The password policy remembers only {policy.PasswordReusePrevention} previous passwords."),
                [
                    HygieneContext.Policy(policy, nameof(AccountPasswordPolicy.PasswordReusePrevention), policy.PasswordReusePrevention),
                    string.Create(CultureInfo.InvariantCulture, $"it should remember {options.PasswordReusePrevention}"),
                ],
                HygieneContext.Controls("CIS 1.9", "FSBP IAM.16"));
        }

        var missing = new List<(string Member, bool? Value, string Class, string Control)>();
        void Require(string member, bool? value, string what, string control)
        {
            if (value != true)
                missing.Add((member, value, what, control));
        }

        Require(nameof(AccountPasswordPolicy.RequireUppercaseCharacters), policy.RequireUppercaseCharacters, "an uppercase letter", "FSBP IAM.11");
        Require(nameof(AccountPasswordPolicy.RequireLowercaseCharacters), policy.RequireLowercaseCharacters, "a lowercase letter", "FSBP IAM.12");
        Require(nameof(AccountPasswordPolicy.RequireSymbols), policy.RequireSymbols, "a symbol", "FSBP IAM.13");
        Require(nameof(AccountPasswordPolicy.RequireNumbers), policy.RequireNumbers, "a number", "FSBP IAM.14");
        if (missing.Count > 0)
        {
            context.Add(
                HygieneCheckIds.PasswordPolicyComplexity,
                Severity.Low,
                principal,
                "The password policy does not require " + string.Join(", ", missing.Select(item => item.Class)) + ".",
                missing.Select(item => HygieneContext.Policy(policy, item.Member, item.Value)),
                [.. missing.Select(item => item.Control).Prepend("FSBP IAM.7")]);
        }
    }

    /// <summary>The account the policy belongs to, as its root ARN when known; the policy is the account's, not a principal's.</summary>
    private static string PolicyPrincipal(HygieneContext context) =>
        context.RootArn == CredentialReportColumns.RootUser ? Principal : context.RootArn;
}
