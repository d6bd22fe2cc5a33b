using System.Collections.Immutable;
using System.Text;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Catalog;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Exposure;

/// <summary>
/// Finds, with the evaluator, the users and roles that are admin-equivalent and those allowed, on any resource, actions
/// that expose resources, expose credentials, read sensitive data or modify infrastructure: one finding per principal
/// and category, naming the statements that cause it. Service control policies, permissions boundaries, denies and
/// conditions are respected: a grant only under conditions is not reported. See docs/iam-exposure.md.
/// </summary>
public static class PermissionRiskAnalyzer
{
    /// <summary>How many actions a finding names before it counts them per service.</summary>
    public const int ActionsListed = 20;

    /// <summary>Infrastructure modification on fewer actions than this is of low severity.</summary>
    public const int InfrastructureMediumFrom = 10;

    /// <summary>Infrastructure modification on this many actions or more is of high severity.</summary>
    public const int InfrastructureHighFrom = 200;

    private const int ProofsPerFinding = 3;

    private static readonly (RiskCategory Category, RiskMask Mask, string CheckId, string Doing)[] Categories =
    [
        (RiskCategory.ResourceExposure, RiskMask.ResourceExposure, ExposureCheckIds.ResourceExposure, "may change resource policies, ACLs or sharing"),
        (RiskCategory.CredentialsExposure, RiskMask.CredentialsExposure, ExposureCheckIds.CredentialsExposure, "may create or obtain credentials"),
        (RiskCategory.DataExfiltration, RiskMask.DataExfiltration, ExposureCheckIds.DataExfiltration, "may read sensitive data"),
        (RiskCategory.InfrastructureModification, RiskMask.InfrastructureModification, ExposureCheckIds.InfrastructureModification, "may modify infrastructure"),
    ];

    /// <summary>
    /// Analyses every user and role of <paramref name="access"/>; adds findings to <paramref name="findings"/> (users
    /// first, in export order; for each, admin-equivalence or else the categories in the order of
    /// <see cref="RiskCategory"/>) and what it could not decide to <paramref name="notes"/>.
    /// </summary>
    public static void Run(AccountAccess access, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
    {
        Guard.NotNull(access);
        Guard.NotNull(findings);
        Guard.NotNull(notes);
        var context = new Context(access, IamCatalog.Default);
        if (access.Options.ResourcePolicy is not null)
            notes.Add(new AnalysisNote("permission-risk", "the access options hold a resource policy; it was applied to every request asked"));
        var incomplete = 0;
        foreach (var principal in access.Principals)
        {
            var (policies, gaps) = access.PoliciesAndGapsOf(principal.Arn);
            if (!gaps.IsEmpty)
                incomplete++;
            var grants = GrantAnalysis.Run(context.Bits, policies, index => context.Ask(principal.Arn, index).Result);
            if (grants.Classes.IsEmpty)
                continue;
            Report(context, principal, grants, gaps, findings);
        }

        if (incomplete > 0)
        {
            notes.Add(new AnalysisNote("permission-risk",
                $"{incomplete} principals have policies or groups the export lacks or that have errors; their findings say so and may miss grants"));
        }
    }

    /// <summary>
    /// What each policy document of the account allows on any resource when it is a principal's only policy (no boundary,
    /// no SCP): every managed policy, then every inline policy of users, groups and roles in export order.
    /// </summary>
    public static ImmutableArray<PolicyRiskReport> AnalyzePolicies(AccountAuthorizationDetails account)
    {
        Guard.NotNull(account);
        var universe = new ActionUniverse(IamCatalog.Default, account.AccountId ?? "000000000000");
        var bits = new StatementBits(universe);
        var keyPolicy = CompiledPolicy.Compile(KeyPolicy(universe.Account));
        var reports = ImmutableArray.CreateBuilder<PolicyRiskReport>();
        void Add(string description, string name, PolicyText text)
        {
            var document = PolicyDocument.Parse(text.Json, description, PolicyKind.Identity, NullDiagnosticSink.Instance);
            if (document is null)
                return;
            var set = new PolicySet { Identity = [CompiledPolicy.Compile(document)] };
            var withKey = set with { Resource = keyPolicy };
            var grants = GrantAnalysis.Run(bits, set, index => PolicyEvaluator.EvaluateOpen(
                new AuthorizationRequest { Principal = universe.Caller, Action = universe.Names[index], Resource = universe.Resources[index], ResourceAccount = universe.Account },
                universe.IsKmsKey[index] ? withKey : set));
            var actions = ImmutableSortedDictionary.CreateBuilder<RiskCategory, ImmutableArray<string>>();
            foreach (var (category, mask, _, _) in Categories)
            {
                var names = Outright(grants, universe, mask).Order().Select(i => universe.Names[i]).ToImmutableArray();
                if (!names.IsEmpty)
                    actions[category] = names;
            }

            var admin = !universe.AdminProbes.IsEmpty && universe.AdminProbes.All(grants.Allowed);
            reports.Add(new PolicyRiskReport(description, name, admin, actions.ToImmutable()));
        }

        foreach (var policy in account.Policies)
            Add($"managed policy {policy.Arn}", policy.Name, policy.DefaultDocument);
        foreach (var user in account.Users)
        {
            foreach (var inline in user.InlinePolicies)
                Add($"inline policy {inline.Name} of user {user.Name}", inline.Name, inline.Document);
        }

        foreach (var group in account.Groups)
        {
            foreach (var inline in group.InlinePolicies)
                Add($"inline policy {inline.Name} of group {group.Name}", inline.Name, inline.Document);
        }

        foreach (var role in account.Roles)
        {
            foreach (var inline in role.InlinePolicies)
                Add($"inline policy {inline.Name} of role {role.Name}", inline.Name, inline.Document);
        }

        return reports.ToImmutable();
    }

    private static void Report(Context context, AccessPrincipal principal, GrantAnalysis grants, ImmutableArray<string> gaps, ICollection<IamFinding> findings)
    {
        var universe = context.Universe;
        var who = Describe(principal);
        var probes = universe.AdminProbes;
        if (!probes.IsEmpty && probes.All(grants.Allowed))
        {
            findings.Add(Admin(context, principal, who, grants, gaps));
            return;
        }

        foreach (var (category, mask, checkId, doing) in Categories)
        {
            // Which Allow statements grant which actions, from the trace of each class's answer.
            var actions = new List<int>();
            var causes = new Dictionary<(string Policy, string Statement), List<int>>();
            var classes = new List<(GrantClass Grant, int First)>();
            foreach (var grant in grants.Classes)
            {
                if (!grant.IsAllowedOutright)
                    continue;
                var members = Members(grant, universe, mask);
                if (members.Count == 0)
                    continue;
                actions.AddRange(members);
                classes.Add((grant, members[0]));
                foreach (var statement in IdentityAllows(grant.Result))
                {
                    if (!causes.TryGetValue(statement, out var list))
                        causes[statement] = list = [];
                    list.AddRange(members);
                }
            }

            if (actions.Count == 0)
                continue;
            actions.Sort();

            var ranked = causes.OrderByDescending(static pair => pair.Value.Count).ThenBy(static pair => pair.Key.Policy, StringComparer.Ordinal).ToList();
            var facts = ImmutableArray.CreateBuilder<string>();
            facts.Add($"{who} is allowed outright, on resources no policy names (or on *), {actions.Count} {Plural(actions.Count, "action")} of this category: {List(universe, actions)}");
            foreach (var ((policy, statement), granted) in ranked)
            {
                granted.Sort();
                facts.Add($"{policy} {statement} allows {granted.Count} of them: {List(universe, granted)}");
            }

            foreach (var gap in gaps)
                facts.Add("the answer may be incomplete: " + gap);

            var proofs = classes.Take(ProofsPerFinding)
                .Select(grant => Prove(context, principal.Arn, grant.First))
                .ToImmutableArray();
            var severity = category switch
            {
                RiskCategory.ResourceExposure => Severity.High,
                RiskCategory.InfrastructureModification => actions.Count >= InfrastructureHighFrom ? Severity.High
                    : actions.Count >= InfrastructureMediumFrom ? Severity.Medium : Severity.Low,
                _ => actions.Max(i => universe.Severities[i]),
            };
            findings.Add(new IamFinding
            {
                CheckId = checkId,
                Category = category,
                Severity = severity,
                Title = $"{who} {doing} on any resource ({actions.Count} {Plural(actions.Count, "action")}: {Sample(universe, actions)})",
                Principal = principal.Arn,
                Policy = ranked.Count > 0 ? ranked[0].Key.Policy : null,
                Statement = ranked.Count > 0 ? ranked[0].Key.Statement : null,
                Proof = new FindingProof(facts.ToImmutable(), proofs, []),
            });
        }
    }

    private static IamFinding Admin(Context context, AccessPrincipal principal, string who, GrantAnalysis grants, ImmutableArray<string> gaps)
    {
        var universe = context.Universe;
        var proofs = universe.AdminProbes.Select(index => Prove(context, principal.Arn, index)).ToImmutableArray();
        var conditional = proofs.Where(static proof => proof.Result.IsConditional).ToList();
        var facts = ImmutableArray.CreateBuilder<string>();
        facts.Add($"{who} is allowed every admin probe request: {string.Join(", ", universe.AdminProbes.Select(i => universe.Names[i]))}, each on a resource no policy names (or on *)");
        var causes = proofs.SelectMany(static proof => IdentityAllows(proof.Result)).Distinct().ToList();
        foreach (var (policy, statement) in causes)
            facts.Add($"{policy} {statement} allows probe requests");
        foreach (var proof in conditional)
        {
            facts.Add($"{proof.Action} is allowed only if: " + string.Join("; or ", proof.Result.Requirements.Select(static r => $"{r.Describe()} ({r.Policy} {r.Statement})")));
        }

        foreach (var gap in gaps)
            facts.Add("the answer may be incomplete: " + gap);
        facts.Add("the risk categories (resource exposure, credentials, data, infrastructure) are not reported separately for an admin-equivalent principal");
        var first = causes.Count > 0 ? causes[0] : default;
        return new IamFinding
        {
            CheckId = ExposureCheckIds.AdminEquivalent,
            Category = RiskCategory.AdminEquivalent,
            Severity = conditional.Count == 0 ? Severity.Critical : Severity.High,
            Title = conditional.Count == 0
                ? $"{who} is admin-equivalent: allowed every probe request across services on any resource"
                : $"{who} is admin-equivalent under conditions: allowed every probe request across services on any resource when {conditional.Count} {Plural(conditional.Count, "condition set")} hold",
            Principal = principal.Arn,
            Policy = first.Policy,
            Statement = first.Statement,
            Proof = new FindingProof(facts.ToImmutable(), proofs, []),
        };
    }

    private static ProvenDecision Prove(Context context, string arn, int index) =>
        new(arn, context.Universe.Names[index], context.Universe.Resources[index], context.Ask(arn, index).Result);

    private static IEnumerable<int> Outright(GrantAnalysis grants, ActionUniverse universe, RiskMask mask) =>
        grants.Classes.Where(static grant => grant.IsAllowedOutright).SelectMany(grant => Members(grant, universe, mask));

    private static List<int> Members(GrantClass grant, ActionUniverse universe, RiskMask mask)
    {
        var members = new List<int>();
        var bits = grant.Members;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                if ((universe.Masks[i] & mask) != 0)
                    members.Add(i);
                word &= word - 1;
            }
        }

        return members;
    }

    private static IEnumerable<(string Policy, string Statement)> IdentityAllows(OpenEvaluationResult result)
    {
        foreach (var layer in result.Trace.Layers)
        {
            if (layer.Layer != "identityPolicies")
                continue;
            foreach (var statement in layer.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow)
                    yield return (statement.Policy, statement.Statement);
            }
        }
    }

    private static string Describe(AccessPrincipal principal) =>
        (principal.Kind == AccessPrincipalKind.User ? "user " : "role ") + principal.Name;

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    // The first names of actions sorted by index (the universe is sorted by name).
    private static string Sample(ActionUniverse universe, List<int> sorted) =>
        string.Join(", ", sorted.Take(3).Select(i => universe.Names[i])) + (sorted.Count > 3 ? ", …" : "");

    // Every name when there are few; else the count per service, most first.
    private static string List(ActionUniverse universe, List<int> sorted)
    {
        if (sorted.Count <= ActionsListed)
            return string.Join(", ", sorted.Select(i => universe.Names[i]));
        // Sorted by name, the actions of a service are next to each other.
        var counts = new List<(string Service, int Count)>();
        for (var i = 0; i < sorted.Count;)
        {
            var start = i;
            var service = universe.ServiceOf[sorted[i]];
            while (i < sorted.Count && ReferenceEquals(universe.ServiceOf[sorted[i]], service))
                i++;
            counts.Add((service, i - start));
        }

        var text = new StringBuilder();
        foreach (var (service, count) in counts.OrderByDescending(static pair => pair.Count).ThenBy(static pair => pair.Service, StringComparer.Ordinal))
        {
            if (text.Length > 0)
                text.Append(", ");
            text.Append(service).Append(" (").Append(count).Append(')');
        }

        return text.ToString();
    }

    /// <summary>The default key policy: it leaves access to the key to the account's IAM policies.</summary>
    internal static PolicyDocument KeyPolicy(string account) => PolicyDocument.Parse(
        $$"""{"Version": "2012-10-17", "Statement": [{"Sid": "EnableIamPolicies", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::{{account}}:root"}, "Action": "kms:*", "Resource": "*"}]}""",
        "a key policy that leaves access to IAM (the default key policy)", PolicyKind.Resource, NullDiagnosticSink.Instance)!;

    private sealed class Context
    {
        private readonly AccountAccess _access;
        private readonly Lazy<AccountAccess> _keys;

        public Context(AccountAccess access, IamCatalog catalog)
        {
            _access = access;
            Universe = new ActionUniverse(catalog, access.Account.AccountId ?? "000000000000");
            Bits = new StatementBits(Universe);

            // KMS decides on a key's key policy first: the requests on keys are asked as if the key had the default one.
            _keys = new Lazy<AccountAccess>(() => AccountAccess.Create(access.Account, access.Options with { ResourcePolicy = KeyPolicy(Universe.Account) }, NullDiagnosticSink.Instance));
        }

        public ActionUniverse Universe { get; }

        public StatementBits Bits { get; }

        public AccessAnswer Ask(string arn, int index) =>
            (Universe.IsKmsKey[index] ? _keys.Value : _access).Can(arn, Universe.Names[index], Universe.Resources[index]);
    }
}
