using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// What the account export shows: users with policies of their own (CIS 1.15), attached <c>*:*</c> policies (CIS 1.16),
/// the support role (CIS 1.17) and CloudShell full access (CIS 1.22).
/// </summary>
internal static class AccountPolicyChecks
{
    private const string AdministratorAccess = "AdministratorAccess";
    private const string SupportAccess = "AWSSupportAccess";
    private const string CloudShellFullAccess = "AWSCloudShellFullAccess";

    public static void Run(HygieneContext context)
    {
        if (context.Inputs.AccountDetails is not { } account)
        {
            foreach (var id in new[] { HygieneCheckIds.UserAttachedPolicies, HygieneCheckIds.AdminPolicyAttached, HygieneCheckIds.NoSupportRole, HygieneCheckIds.CloudShellFullAccess })
                context.Note(id, "skipped: it reads the account's authorization details (`aws iam get-account-authorization-details`).");
            return;
        }

        var holders = Holders(account);
        UserPolicies(context, account);
        AdminPolicies(context, account, holders);
        SupportRole(context, account);
        CloudShell(context, holders);
    }

    private static void UserPolicies(HygieneContext context, AccountAuthorizationDetails account)
    {
        foreach (var user in account.Users)
        {
            if (user.InlinePolicies.IsEmpty && user.AttachedPolicies.IsEmpty)
                continue;
            var policies = user.InlinePolicies.Select(policy => "inline policy " + policy.Name)
                .Concat(user.AttachedPolicies.Select(policy => "managed policy " + policy.Arn))
                .ToList();
            context.Add(
                HygieneCheckIds.UserAttachedPolicies,
                Severity.Low,
                user.Arn,
                $"User {user.Name} holds {(policies.Count == 1 ? "a policy" : string.Create(CultureInfo.InvariantCulture, $"{policies.Count} policies"))} of its own instead of getting permissions only through groups.",
                policies.Select(policy => $"{context.AccountDetailsSource}: user {user.Name} has {policy}"),
                HygieneContext.Controls("CIS 1.15", "FSBP IAM.2"),
                policy: policies.Count == 1 ? policies[0] : null);
        }
    }

    private static void AdminPolicies(HygieneContext context, AccountAuthorizationDetails account, Dictionary<string, List<string>> holders)
    {
        foreach (var (arn, holdersOfPolicy) in holders)
        {
            var facts = new List<string>();
            string? statement = null;
            if (account.FindPolicy(arn) is { } policy)
            {
                if (FullAdminStatement(policy.DefaultDocument) is not { } found)
                    continue;
                statement = found.Path;
                facts.Add($"{policy.DefaultDocument.Origin}: {found.Path} allows {Describe(found.Actions)} on {Describe(found.Resources)}{(found.Conditions.IsEmpty ? "" : " (under conditions)")}");
            }
            else if (IsAwsManaged(arn, AdministratorAccess))
            {
                facts.Add($"{arn} is AWS's managed policy that allows * on *; the export does not hold its document");
            }
            else
            {
                continue;
            }

            facts.AddRange(holdersOfPolicy.Select(holder => $"{context.AccountDetailsSource}: attached to {holder}"));
            var awsManaged = IamArn.IsAwsManagedPolicy(arn);
            context.Add(
                HygieneCheckIds.AdminPolicyAttached,
                Severity.High,
                arn,
                $"{(awsManaged ? "AWS managed" : "Customer managed")} policy {IamArn.LastSegment(arn)} allows every action on every resource and is attached to {Count(holdersOfPolicy.Count, "principal")}.",
                facts,
                awsManaged ? HygieneContext.Controls("CIS 1.16") : HygieneContext.Controls("CIS 1.16", "FSBP IAM.1"),
                policy: "managed policy " + arn,
                statement: statement);
        }

        void Inline(string kind, string name, string principal, ImmutableArray<InlinePolicy> policies)
        {
            foreach (var policy in policies)
            {
                if (FullAdminStatement(policy.Document) is not { } found)
                    continue;
                context.Add(
                    HygieneCheckIds.AdminPolicyAttached,
                    Severity.High,
                    principal,
                    $"Inline policy {policy.Name} of {kind} {name} allows every action on every resource.",
                    [$"{policy.Document.Origin}: {found.Path} allows {Describe(found.Actions)} on {Describe(found.Resources)}{(found.Conditions.IsEmpty ? "" : " (under conditions)")}"],
                    HygieneContext.Controls("CIS 1.16"),
                    policy: $"inline policy {policy.Name} of {kind} {name}",
                    statement: found.Path);
            }
        }

        foreach (var user in account.Users)
            Inline("user", user.Name, user.Arn, user.InlinePolicies);
        foreach (var group in account.Groups)
            Inline("group", group.Name, group.Arn, group.InlinePolicies);
        foreach (var role in account.Roles)
            Inline("role", role.Name, role.Arn, role.InlinePolicies);
    }

    private static void SupportRole(HygieneContext context, AccountAuthorizationDetails account)
    {
        if (account.Roles.Any(role => role.AttachedPolicies.Any(policy => IsAwsManaged(policy.Arn, SupportAccess))))
            return;
        var facts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{context.AccountDetailsSource}: none of the {account.Roles.Length} roles has arn:aws:iam::aws:policy/{SupportAccess} attached"),
        };
        if (account.Roles.IsEmpty)
            facts.Add("the export holds no roles at all; if it was taken with --filter, take it again with Role included");
        context.Add(
            HygieneCheckIds.NoSupportRole,
            Severity.Low,
            context.RootArn,
            $"No role has {SupportAccess}, so incidents with AWS Support need root or an over-privileged user.",
            facts,
            HygieneContext.Controls("CIS 1.17", "FSBP IAM.18"));
    }

    private static void CloudShell(HygieneContext context, Dictionary<string, List<string>> holders)
    {
        foreach (var (arn, holdersOfPolicy) in holders)
        {
            if (!IsAwsManaged(arn, CloudShellFullAccess))
                continue;
            context.Add(
                HygieneCheckIds.CloudShellFullAccess,
                Severity.Low,
                arn,
                $"{CloudShellFullAccess} is attached to {Count(holdersOfPolicy.Count, "principal")}: it allows moving files in and out of CloudShell and reaching the internet from it.",
                holdersOfPolicy.Select(holder => $"{context.AccountDetailsSource}: attached to {holder}"),
                HygieneContext.Controls("CIS 1.22"),
                policy: "managed policy " + arn);
        }
    }

    /// <summary>Every managed policy ARN attached to a user, group or role, with who holds it (<c>user alice (arn…)</c>), in export order.</summary>
    private static Dictionary<string, List<string>> Holders(AccountAuthorizationDetails account)
    {
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(ImmutableArray<AttachedPolicy> attached, string holder)
        {
            foreach (var policy in attached)
            {
                if (!holders.TryGetValue(policy.Arn, out var list))
                    holders[policy.Arn] = list = [];
                list.Add(holder);
            }
        }

        foreach (var user in account.Users)
            Add(user.AttachedPolicies, $"user {user.Name} ({user.Arn})");
        foreach (var group in account.Groups)
            Add(group.AttachedPolicies, $"group {group.Name} ({group.Arn})");
        foreach (var role in account.Roles)
            Add(role.AttachedPolicies, $"role {role.Name} ({role.Arn})");
        return holders;
    }

    /// <summary>
    /// The first statement that allows <c>*</c> (or <c>*:*</c>) on <c>*</c>, as CIS 1.16 means it; conditions do not excuse
    /// it (they are shown). A document that does not parse is the linter's business and is passed over here.
    /// </summary>
    private static PolicyStatement? FullAdminStatement(PolicyText text)
    {
        var document = PolicyDocument.Parse(text.Json, text.Origin, PolicyKind.Identity, NullDiagnosticSink.Instance);
        return document?.Statements.FirstOrDefault(statement =>
            statement.Effect == PolicyEffect.Allow
            && !statement.IsNotAction && statement.Actions.Any(action => action is "*" or "*:*")
            && !statement.IsNotResource && statement.Resources.Contains("*"));
    }

    private static bool IsAwsManaged(string arn, string name) =>
        IamArn.IsAwsManagedPolicy(arn) && arn.EndsWith(":policy/" + name, StringComparison.Ordinal);

    private static string Describe(ImmutableArray<string> values) =>
        values.Length == 1 ? values[0] : "[" + string.Join(", ", values) + "]";

    private static string Count(int count, string what) =>
        count == 1 ? "1 " + what : string.Create(CultureInfo.InvariantCulture, $"{count} {what}s");
}
