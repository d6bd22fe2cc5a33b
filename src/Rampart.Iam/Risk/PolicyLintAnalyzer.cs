using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Iam.Linting;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Risk;

/// <summary>
/// <c>policy-lint</c> findings: the linter's warnings on the account's own policies — customer managed policies, inline
/// policies of users, groups and roles, and trust policies. AWS managed policies are AWS's to fix and are left out.
/// </summary>
public static class PolicyLintAnalyzer
{
    /// <summary>Lints every policy of <paramref name="account"/> the account owns.</summary>
    public static void Run(AccountAuthorizationDetails account, ICollection<IamFinding> findings)
    {
        Guard.NotNull(account);
        Guard.NotNull(findings);
        foreach (var policy in account.Policies.Where(static p => !p.IsAwsManaged))
            Lint(policy.DefaultDocument, PolicyKind.Identity, policy.Arn, $"managed policy {policy.Arn}", findings);
        foreach (var user in account.Users)
        {
            foreach (var inline in user.InlinePolicies)
                Lint(inline.Document, PolicyKind.Identity, user.Arn, $"inline policy {inline.Name} of user {user.Name}", findings);
        }

        foreach (var group in account.Groups)
        {
            foreach (var inline in group.InlinePolicies)
                Lint(inline.Document, PolicyKind.Identity, group.Arn, $"inline policy {inline.Name} of group {group.Name}", findings);
        }

        foreach (var role in account.Roles)
        {
            foreach (var inline in role.InlinePolicies)
                Lint(inline.Document, PolicyKind.Identity, role.Arn, $"inline policy {inline.Name} of role {role.Name}", findings);
            if (role.AssumeRolePolicy is { } trust && !role.IsServiceLinked)
                Lint(trust, PolicyKind.Trust, role.Arn, $"trust policy of role {role.Name}", findings);
        }
    }

    private static void Lint(PolicyText text, PolicyKind kind, string owner, string name, ICollection<IamFinding> findings)
    {
        var bag = new DiagnosticBag();
        var document = PolicyDocument.Parse(text.Json, name, kind, bag);
        if (document is not null)
            PolicyLinter.Default.Lint(document, bag);
        foreach (var diagnostic in bag.ToImmutableArray().Where(static d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning))
        {
            var location = diagnostic.Location.ToString();
            var path = location.StartsWith(name + ":", StringComparison.Ordinal) ? location[(name.Length + 1)..] : location;
            findings.Add(new IamFinding
            {
                CheckId = "iam-lint-" + diagnostic.Code.ToLowerInvariant(),
                Category = RiskCategory.PolicyLint,
                Severity = diagnostic.Severity == DiagnosticSeverity.Error ? Severity.Medium : Severity.Low,
                Title = $"{name}: {diagnostic.Message}",
                Principal = owner,
                Policy = name,
                Statement = path,
                Proof = new FindingProof([$"{diagnostic.Code} at {path} ({text.Origin})"], [], []),
            });
        }
    }
}
