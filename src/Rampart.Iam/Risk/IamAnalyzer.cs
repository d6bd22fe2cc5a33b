using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Activity;
using Rampart.Iam.Escalation;
using Rampart.Iam.Exposure;
using Rampart.Iam.Hygiene;

namespace Rampart.Iam.Risk;

/// <summary>Everything an IAM analysis may take; each part is optional and its absence narrows the analysis.</summary>
public sealed record IamAnalysisInput
{
    /// <summary>The account's IAM, with the organisation's policies, ready for questions; null when no export was given.</summary>
    public AccountAccess? Access { get; init; }

    /// <summary>What CloudTrail showed principals doing; null when no trail was given.</summary>
    public IamActivity? Activity { get; init; }

    /// <summary>Resource policies (buckets, keys, queues, topics, secrets, functions, repositories) to judge for public or cross-account access.</summary>
    public ImmutableArray<ResourcePolicyInput> ResourcePolicies { get; init; } = [];

    /// <summary>The window unused access is judged over.</summary>
    public TimeSpan ActivityWindow { get; init; } = UnusedAccessAnalyzer.DefaultWindow;

    /// <summary>
    /// The credential report, password policy, account summary, server certificates and MFA devices for the account and
    /// credential hygiene checks; its account details are taken from <see cref="Access"/> when not set.
    /// </summary>
    public HygieneInputs Hygiene { get; init; } = new();
}

/// <summary>Runs every IAM analysis the inputs allow and orders what they find.</summary>
public static class IamAnalyzer
{
    /// <summary>Analyses <paramref name="input"/> as of <paramref name="now"/>.</summary>
    public static IamAnalysisResult Analyze(IamAnalysisInput input, DateTimeOffset now)
    {
        Guard.NotNull(input);
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        if (input.Access is { } access)
        {
            PermissionRiskAnalyzer.Run(access, findings, notes);
            EscalationAnalyzer.Run(access, findings, notes);
            TrustExposureAnalyzer.Run(access, input.ResourcePolicies, findings, notes);
            PolicyLintAnalyzer.Run(access.Account, findings);
            if (input.Activity is { } activity)
                UnusedAccessAnalyzer.Run(access, activity, now, input.ActivityWindow, findings, notes);
            else
                notes.Add(new AnalysisNote(RiskCategories.Name(RiskCategory.UnusedAccess), "no CloudTrail input (--cloudtrail), so unused users, roles, services and actions are not judged"));
        }
        else
        {
            notes.Add(new AnalysisNote("analysis", "no account authorization details (--account-data), so no permission, escalation, trust, unused-access or lint analysis ran"));
        }

        var hygiene = input.Hygiene.AccountDetails is null && input.Access is not null ? input.Hygiene with { AccountDetails = input.Access.Account } : input.Hygiene;
        CredentialHygieneChecks.Run(hygiene, now, findings, notes);
        return new IamAnalysisResult(input.Access?.Account.AccountId ?? AccountOf(input.Hygiene), IamAnalysisResult.Order(findings), [.. notes], input.Access?.PrincipalCount ?? 0, now);
    }

    // Without an export, the credential report's root row names the account.
    private static string? AccountOf(HygieneInputs hygiene) =>
        hygiene.CredentialReport?.Root?.Arn is { } arn && arn.Split(':') is { Length: >= 5 } parts && parts[4].Length == 12 ? parts[4] : null;
}
