using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Catalog;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Activity;

/// <summary>
/// Unused access over a window of CloudTrail activity (default 90 days): users and roles that did nothing, and for those
/// that acted, the services they may use but did not. What a principal may use is decided by the evaluator, one probe
/// per service, not read from policy text.
/// </summary>
public static class UnusedAccessAnalyzer
{
    /// <summary>The default window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    /// <summary>Adds the findings for <paramref name="access"/>'s principals over the window ending at <paramref name="now"/>.</summary>
    /// <param name="access">The account.</param>
    /// <param name="activity">What CloudTrail showed.</param>
    /// <param name="now">The end of the window.</param>
    /// <param name="window">Its length.</param>
    /// <param name="findings">Where findings go.</param>
    /// <param name="notes">Where narrowing notes go.</param>
    public static void Run(AccountAccess access, IamActivity activity, DateTimeOffset now, TimeSpan window, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
    {
        Guard.NotNull(access);
        Guard.NotNull(activity);
        Guard.NotNull(findings);
        Guard.NotNull(notes);
        var start = now - window;
        if (activity.Events == 0)
        {
            notes.Add(new AnalysisNote(RiskCategories.Name(RiskCategory.UnusedAccess), "the CloudTrail input holds no events, so unused access is not judged"));
            return;
        }

        // Only what the trail covers can be judged: a principal quiet before the trail began may have acted then.
        var covered = activity.From > start ? activity.From!.Value : start;
        var coverage = string.Create(CultureInfo.InvariantCulture, $"CloudTrail covers {activity.From:yyyy-MM-dd} to {activity.To:yyyy-MM-dd} ({activity.Events:N0} events); the window is {window.TotalDays:0} days to {now:yyyy-MM-dd}");
        if (activity.From > start)
        {
            notes.Add(new AnalysisNote(RiskCategories.Name(RiskCategory.UnusedAccess), string.Create(CultureInfo.InvariantCulture,
                $"the CloudTrail input starts on {activity.From:yyyy-MM-dd}, after the window's start ({start:yyyy-MM-dd}): principals are judged unused only over what it covers")));
        }

        foreach (var principal in access.Principals)
        {
            var created = principal.User?.CreateDate ?? principal.Role?.CreateDate;
            if (created > covered)
                continue; // Too new to judge.
            var seen = activity.Find(principal.Arn);
            if (seen is null || seen.LastSeen < start)
            {
                Unused(principal, seen, created, start, coverage, findings);
                continue;
            }

            UnusedServices(access, principal, seen, start, coverage, findings);
        }
    }

    private static void Unused(AccessPrincipal principal, PrincipalActivity? seen, DateTimeOffset? created, DateTimeOffset start, string coverage, ICollection<IamFinding> findings)
    {
        var role = principal.Role;
        if (role?.IsServiceLinked == true)
            return; // AWS uses service-linked roles on its own schedule; they are not the account's to remove.

        // IAM's own record of a role's last use covers every region and every call; the trail only what it logs.
        if (role?.LastUsed is { } lastUsed && lastUsed >= start)
            return;

        var kind = principal.Kind == AccessPrincipalKind.User ? "user" : "role";
        var facts = ImmutableArray.CreateBuilder<string>();
        facts.Add(coverage);
        facts.Add(seen is null ? $"no event of {principal.Arn} in CloudTrail" : string.Create(CultureInfo.InvariantCulture, $"last event of {principal.Arn}: {seen.LastSeen:yyyy-MM-dd}"));
        if (created is { } date)
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"created {date:yyyy-MM-dd}"));
        if (role is not null)
            facts.Add(role.LastUsed is { } used ? string.Create(CultureInfo.InvariantCulture, $"IAM reports the role last used {used:yyyy-MM-dd}") : "IAM reports no recorded use of the role");
        findings.Add(new IamFinding
        {
            CheckId = principal.Kind == AccessPrincipalKind.User ? "iam-unused-user" : "iam-unused-role",
            Category = RiskCategory.UnusedAccess,
            Severity = Severity.Low,
            Title = $"{kind} {principal.Name} did nothing in the window; remove it or its permissions",
            Principal = principal.Arn,
            Proof = new FindingProof(facts.ToImmutable(), [], []),
        });
    }

    private static void UnusedServices(AccountAccess access, AccessPrincipal principal, PrincipalActivity seen, DateTimeOffset start, string coverage, ICollection<IamFinding> findings)
    {
        var used = seen.Actions.Values.Where(a => a.LastAllowed >= start).Select(static a => Service(a.Action)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var granted = GrantedServices(access, principal);
        UnusedActions(access, principal, seen, start, used, coverage, findings);
        var unused = granted.Where(s => !used.Contains(s.Service)).ToList();
        if (unused.Count == 0)
            return;
        var names = unused.Select(static s => s.Service).Order(StringComparer.Ordinal).ToList();
        var listed = names.Count <= 25 ? string.Join(", ", names) : string.Join(", ", names.Take(25)) + string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 25} more");
        findings.Add(new IamFinding
        {
            CheckId = "iam-unused-services",
            Category = RiskCategory.UnusedAccess,
            Severity = Severity.Informational,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"{(principal.Kind == AccessPrincipalKind.User ? "user" : "role")} {principal.Name} may use {granted.Count} services and used {granted.Count - unused.Count} in the window"),
            Principal = principal.Arn,
            Proof = new FindingProof(
                [coverage, $"services used: {(used.Count == 0 ? "none" : string.Join(", ", used.Order(StringComparer.Ordinal)))}", $"services allowed but unused: {listed}"],
                [.. unused.Take(5).Select(s => s.Proof)],
                []),
        });
    }

    // Within the services it used, the actions its statements name that it may call (on any resource) but did not.
    private static void UnusedActions(AccountAccess access, AccessPrincipal principal, PrincipalActivity seen, DateTimeOffset start, HashSet<string> used,
        string coverage, ICollection<IamFinding> findings)
    {
        const int MaxPerService = 400;
        var catalog = IamCatalog.Default;
        var called = seen.Actions.Values.Where(a => a.LastAllowed >= start).Select(static a => a.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in access.IdentityPolicies(principal.Arn).SelectMany(static p => p.Document.Statements))
        {
            if (statement.Effect != Policies.PolicyEffect.Allow)
                continue;
            var everything = statement.IsNotAction || statement.Actions.Any(static a => a == "*" || a.StartsWith('*'));
            foreach (var service in used)
            {
                var patterns = everything ? [service + ":*"] : statement.Actions.Where(a => a.StartsWith(service + ":", StringComparison.OrdinalIgnoreCase));
                foreach (var action in patterns.SelectMany(pattern => catalog.MatchActions(pattern)).Take(MaxPerService))
                    candidates.Add(action.FullName);
            }
        }

        var unused = candidates.Where(action => !called.Contains(action) && access.Can(principal.Arn, action, "*").Result.Decision == Decision.Allowed).ToList();
        if (unused.Count == 0)
            return;
        var listed = unused.Count <= 20 ? string.Join(", ", unused) : string.Join(", ", unused.Take(20)) + string.Create(CultureInfo.InvariantCulture, $" and {unused.Count - 20} more");
        findings.Add(new IamFinding
        {
            CheckId = "iam-unused-actions",
            Category = RiskCategory.UnusedAccess,
            Severity = Severity.Informational,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"{(principal.Kind == AccessPrincipalKind.User ? "user" : "role")} {principal.Name} may call {unused.Count} actions of the services it used that it never called in the window"),
            Principal = principal.Arn,
            Proof = new FindingProof([coverage, $"actions called: {string.Join(", ", called.Order(StringComparer.Ordinal))}", $"allowed but not called: {listed}"], [], []),
        });
    }

    // The services a principal may use: for each service an allowing statement names, one action of it the principal is
    // allowed (the actions the statement names; for statements over every service, the service's first read or list action).
    private static List<(string Service, ProvenDecision Proof)> GrantedServices(AccountAccess access, AccessPrincipal principal)
    {
        var catalog = IamCatalog.Default;
        var probes = new SortedDictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void Probe(string service, string action)
        {
            if (!probes.TryGetValue(service, out var list))
                probes[service] = list = [];
            if (list.Count < 4 && !list.Contains(action, StringComparer.OrdinalIgnoreCase))
                list.Add(action);
        }

        foreach (var statement in access.IdentityPolicies(principal.Arn).SelectMany(static p => p.Document.Statements))
        {
            if (statement.Effect != Policies.PolicyEffect.Allow)
                continue;
            if (statement.IsNotAction || statement.Actions.Any(static a => a == "*" || a.StartsWith('*')))
            {
                foreach (var service in catalog.Services)
                {
                    var action = service.Actions.FirstOrDefault(static a => a.AccessLevel is IamAccessLevel.Read or IamAccessLevel.List) ?? service.Actions.FirstOrDefault();
                    if (action is not null)
                        Probe(service.Prefix, action.FullName);
                }

                continue;
            }

            foreach (var pattern in statement.Actions)
            {
                foreach (var action in catalog.MatchActions(pattern).Take(4))
                    Probe(action.Service, action.FullName);
            }
        }

        var granted = new List<(string, ProvenDecision)>();
        foreach (var (service, actions) in probes)
        {
            foreach (var action in actions)
            {
                var answer = access.Can(principal.Arn, action, "*");
                if (answer.Result.Decision != Decision.Allowed)
                    continue;
                granted.Add((service, new ProvenDecision(principal.Arn, action, "*", answer.Result)));
                break;
            }
        }

        return granted;
    }

    private static string Service(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? action[..colon] : action;
    }
}
