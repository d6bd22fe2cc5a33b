using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
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
/// Finds roles and resources others may use: roles any AWS principal may assume, roles other accounts may assume
/// without an external id, roles OIDC or SAML users may assume without conditions on the token, roles services assume
/// (informational), unique ids left in trust policies by deleted principals, and resource policies open to everyone or
/// to other accounts. Each is decided by asking the evaluator whether a caller of that kind may make the request, with
/// the account's resource control policies. See docs/iam-exposure.md.
/// </summary>
public static partial class TrustExposureAnalyzer
{
    private const string ProbeName = "rampart-probe-caller";

    private static readonly string[] ForeignAccounts = ["999999999999", "999999999998", "999999999997"];

    /// <summary>Condition keys that tie a request to a known organisation, account, principal, network or source.</summary>
    private static readonly FrozenSet<string> LimitingKeys = new[]
    {
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:userid", "aws:username",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpce",
        "aws:SourceIp", "aws:VpcSourceIp", "aws:PrincipalServiceName", "kms:CallerAccount", "s3:DataAccessPointAccount",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly CompiledPolicy AllowAll = CompiledPolicy.Compile(PolicyDocument.Parse(
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""",
        "the other account's own policies (assumed to allow)", PolicyKind.Identity, NullDiagnosticSink.Instance)!);

    /// <summary>
    /// Analyses the trust policy of every role of <paramref name="access"/> and each of <paramref name="resourcePolicies"/>;
    /// adds findings to <paramref name="findings"/> (roles in export order, then resources in the order given) and what it
    /// could not read to <paramref name="notes"/>.
    /// </summary>
    public static void Run(AccountAccess access, IReadOnlyList<ResourcePolicyInput> resourcePolicies, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
    {
        Guard.NotNull(access);
        Guard.NotNull(resourcePolicies);
        Guard.NotNull(findings);
        Guard.NotNull(notes);
        var account = access.Account.AccountId ?? "000000000000";
        var rcps = access.Options.ResourceControlPolicies.Select(static level => CompiledPolicy.CompileAll(level)).ToImmutableArray();
        var unreadable = new List<string>();
        foreach (var role in access.Account.Roles)
        {
            if (role.AssumeRolePolicy is { } raw)
                Dangling(role, raw, findings);
            var document = role.AssumeRolePolicy is { } text
                ? PolicyDocument.Parse(text.Json, $"trust policy of role {role.Name}", PolicyKind.Trust, NullDiagnosticSink.Instance)
                : null;
            if (document is null)
            {
                unreadable.Add(role.Name);
                continue;
            }

            var policies = new PolicySet { Resource = CompiledPolicy.Compile(document), Identity = [AllowAll], ResourceControl = rcps };
            new RoleTrust(role, document, policies, account, findings).Analyse();
        }

        if (unreadable.Count > 0)
        {
            notes.Add(new AnalysisNote("trust-exposure",
                $"{unreadable.Count} roles have no readable trust policy in the export and were not analysed: {string.Join(", ", unreadable.Take(10))}{(unreadable.Count > 10 ? ", …" : "")}"));
        }

        foreach (var input in resourcePolicies)
            AnalyseResource(input, account, rcps, findings);
    }

    private static void AnalyseResource(ResourcePolicyInput input, string account, ImmutableArray<ImmutableArray<CompiledPolicy>> rcps, ICollection<IamFinding> findings)
    {
        var compiled = CompiledPolicy.Compile(input.Policy);
        var arn = input.ResourceArn;
        var parts = arn.Split(':', 6);
        var service = parts.Length == 6 ? parts[2] : "";
        var owner = parts.Length == 6 && parts[4].Length == 12 ? parts[4] : account;
        var actions = ActionsOf(input.Policy, service);
        var policies = new PolicySet { Resource = compiled, Identity = [AllowAll], ResourceControl = rcps };
        var foreign = ForeignAccounts.First(candidate => !input.Policy.Statements.Any(s => s.Principal is { } p && p.Values.Values.Any(v => v.Any(x => x.Contains(candidate, StringComparison.Ordinal)))));
        var callers = new List<(string Caller, string Who, bool Public)>
        {
            ("anonymous", "anonymous callers", true),
            ($"arn:aws:iam::{foreign}:role/{ProbeName}", "any AWS account", true),
        };
        foreach (var other in NamedAccounts(input.Policy, owner))
            callers.Add((other.Caller, "account " + other.Account, false));

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (caller, who, isPublic) in callers)
        {
            if (!isPublic && reported.Count > 0 && reported.Contains("any AWS account"))
                continue;
            var allowed = new List<ProvenDecision>();
            var conditional = new List<ProvenDecision>();
            foreach (var action in actions)
            {
                var resource = ResourceFor(action, arn);
                var result = PolicyEvaluator.EvaluateOpen(new AuthorizationRequest { Principal = caller, Action = action.FullName, Resource = resource, ResourceAccount = owner }, policies);
                if (result.Decision != Decision.Allowed)
                    continue;
                var decision = new ProvenDecision(caller, action.FullName, resource, result);
                if (result.Requirements.IsEmpty)
                    allowed.Add(decision);
                else if (!Limited(result))
                    conditional.Add(decision);
            }

            if (allowed.Count == 0 && conditional.Count == 0)
                continue;
            reported.Add(who);
            var outright = allowed.Count > 0;
            var shown = outright ? allowed : conditional;
            var facts = ImmutableArray.CreateBuilder<string>();
            facts.Add($"{who} may {(outright ? "" : "under conditions that do not name an organisation, account, principal or network ")}perform {shown.Count} {(shown.Count == 1 ? "action" : "actions")} on {arn}: {string.Join(", ", shown.Select(static d => d.Action).Take(PermissionRiskAnalyzer.ActionsListed))}{(shown.Count > PermissionRiskAnalyzer.ActionsListed ? ", …" : "")}");
            if (!outright)
                facts.Add("conditions: " + string.Join("; ", shown[0].Result.Requirements.Select(static r => r.Describe()).Distinct()));
            var statement = shown[0].Result.Trace.Layers.FirstOrDefault(static l => l.Layer == "resourcePolicy")?.Statements.FirstOrDefault(static s => s.Effect == PolicyEffect.Allow);
            findings.Add(new IamFinding
            {
                CheckId = isPublic ? ExposureCheckIds.ResourcePolicyPublic : ExposureCheckIds.ResourcePolicyCrossAccount,
                Category = RiskCategory.TrustExposure,
                Severity = isPublic ? (outright ? (caller == "anonymous" ? Severity.Critical : Severity.High) : Severity.Medium) : (outright ? Severity.Medium : Severity.Low),
                Title = $"the policy of {arn} allows {who}{(outright ? "" : " under conditions")} ({shown.Count} {(shown.Count == 1 ? "action" : "actions")}: {string.Join(", ", shown.Select(static d => d.Action).Take(3))}{(shown.Count > 3 ? ", …" : "")})",
                Principal = arn,
                Policy = input.Policy.Origin,
                Statement = statement?.Statement,
                Proof = new FindingProof(facts.ToImmutable(), [.. shown.Take(3)], []),
            });
        }
    }

    // Whether a condition left open ties the request to an organisation, account, principal, network or source: an Allow
    // that needs one, or a Deny that applies without one.
    private static bool Limited(OpenEvaluationResult result) =>
        result.Requirements.Any(static r => r.Conditions.Any(static c => LimitingKeys.Contains(c.Key)));

    // The actions of the resource's service that the policy's Allow statements name; all of the service's for NotAction.
    private static List<IamAction> ActionsOf(PolicyDocument policy, string service)
    {
        var catalog = IamCatalog.Default;
        var found = new Dictionary<string, IamAction>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in policy.Statements.Where(static s => s.Effect == PolicyEffect.Allow))
        {
            var patterns = statement.IsNotAction ? [service + ":*"] : statement.Actions;
            foreach (var pattern in patterns)
            {
                foreach (var action in catalog.MatchActions(pattern))
                {
                    if (string.Equals(action.Service, service, StringComparison.OrdinalIgnoreCase))
                        found.TryAdd(action.FullName, action);
                }
            }
        }

        return [.. found.Values.OrderBy(static a => a.FullName, StringComparer.Ordinal)];
    }

    // A bucket's object actions are asked on an object in it.
    private static string ResourceFor(IamAction action, string arn) =>
        action.Service == "s3" && !arn.Contains('/', StringComparison.Ordinal)
        && action.ResourceTypes.Any(static r => r.ResourceType.Name == "object")
            ? arn + "/rampart-probe-resource"
            : arn;

    /// <summary>Accounts other than <paramref name="own"/> that Allow statements name, with a caller of each to ask about.</summary>
    private static List<(string Account, string Caller)> NamedAccounts(PolicyDocument policy, string own)
    {
        var named = new List<(string Account, string Caller)>();
        foreach (var statement in policy.Statements.Where(static s => s.Effect == PolicyEffect.Allow && !s.IsNotPrincipal))
        {
            foreach (var value in statement.Principal?.Of("AWS") ?? [])
            {
                var account = PolicyParser.IsAccountId(value) ? value : IamArn.Account(value);
                if (account is null || account == own || named.Exists(n => n.Account == account))
                    continue;
                var caller = value.Contains(":user/", StringComparison.Ordinal) || value.Contains(":role/", StringComparison.Ordinal)
                    ? value
                    : $"arn:aws:iam::{account}:role/{ProbeName}";
                named.Add((account, caller));
            }
        }

        return named;
    }

    // Read from the text: the policy parser rejects a unique id where an ARN belongs, so such a trust policy cannot be evaluated.
    private static void Dangling(IamRole role, PolicyText text, ICollection<IamFinding> findings)
    {
        var ids = new List<string>();
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text.Json);
            if (!json.RootElement.TryGetProperty("Statement", out var statements))
                return;
            var list = statements.ValueKind == System.Text.Json.JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
            foreach (var statement in list)
            {
                if (statement.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !statement.TryGetProperty("Principal", out var principal) || principal.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !principal.TryGetProperty("AWS", out var aws))
                    continue;
                var values = aws.ValueKind == System.Text.Json.JsonValueKind.Array ? aws.EnumerateArray().ToList() : [aws];
                foreach (var value in values)
                {
                    if (value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString() is { } id && UniqueId().IsMatch(id) && !ids.Contains(id))
                        ids.Add(id);
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        if (ids.Count == 0)
            return;
        findings.Add(new IamFinding
        {
            CheckId = ExposureCheckIds.DanglingPrincipal,
            Category = RiskCategory.TrustExposure,
            Severity = Severity.Low,
            Title = $"the trust policy of role {role.Name} names {ids.Count} deleted {(ids.Count == 1 ? "principal" : "principals")} by unique id ({string.Join(", ", ids)})",
            Principal = role.Arn,
            Policy = $"trust policy of role {role.Name}",
            Proof = FindingProof.OfFacts(
                $"{string.Join(", ", ids)} {(ids.Count == 1 ? "is a unique id" : "are unique ids")} where an ARN belongs: AWS shows the id once the named user or role is deleted, and a new principal of the same name does not match it",
                "remove the id, or name the new principal by ARN; until then the rest of this trust policy is not analysed"),
        });
    }

    [GeneratedRegex("^(AROA|AIDA|AGPA|ANPA|AIPA)[A-Z0-9]{12,}$")]
    private static partial Regex UniqueId();

    private sealed class RoleTrust(IamRole role, PolicyDocument document, PolicySet policies, string account, ICollection<IamFinding> findings)
    {
        private string Who => "role " + role.Name;

        public void Analyse()
        {
            if (!Anyone())
                CrossAccount();
            Federated();
            Services();
        }

        private OpenEvaluationResult Ask(string caller, string action) =>
            PolicyEvaluator.EvaluateOpen(new AuthorizationRequest { Principal = caller, Action = action, Resource = role.Arn, ResourceAccount = account }, policies);

        private void Add(string checkId, Severity severity, string title, ImmutableArray<string> facts, ImmutableArray<ProvenDecision> proofs, string? statement) =>
            findings.Add(new IamFinding
            {
                CheckId = checkId,
                Category = RiskCategory.TrustExposure,
                Severity = severity,
                Title = title,
                Principal = role.Arn,
                Policy = document.Origin,
                Statement = statement,
                Proof = new FindingProof(facts, proofs, []),
            });

        private static string? AllowingStatement(OpenEvaluationResult result) =>
            result.Trace.Layers.FirstOrDefault(static l => l.Layer == "resourcePolicy")?.Statements.FirstOrDefault(static s => s.Effect == PolicyEffect.Allow)?.Statement;

        private static string Conditions(OpenEvaluationResult result) =>
            string.Join("; or ", result.Requirements.Where(static r => r.Effect == PolicyEffect.Allow).Select(static r => r.Describe()).Distinct());

        private bool Anyone()
        {
            var foreign = ForeignAccounts.First(candidate => !(role.AssumeRolePolicy?.Json.Contains(candidate, StringComparison.Ordinal) ?? false));
            var caller = $"arn:aws:iam::{foreign}:role/{ProbeName}";
            var result = Ask(caller, "sts:AssumeRole");
            if (result.Decision != Decision.Allowed)
                return false;
            if (Limited(result))
                return false;
            var outright = result.Requirements.IsEmpty;
            Add(ExposureCheckIds.TrustAnyone, outright ? Severity.Critical : Severity.High,
                outright
                    ? $"{Who} may be assumed by any AWS principal in any account"
                    : $"{Who} may be assumed by any AWS principal in any account that meets conditions naming no organisation, account or principal",
                outright
                    ? [$"a role of account {foreign}, which the trust policy does not name, may assume it"]
                    : [$"a role of account {foreign}, which the trust policy does not name, may assume it if: {Conditions(result)}"],
                [new ProvenDecision(caller, "sts:AssumeRole", role.Arn, result)], AllowingStatement(result));
            return true;
        }

        private void CrossAccount()
        {
            var open = new List<(string Account, ProvenDecision Proof)>();
            foreach (var (other, caller) in NamedAccounts(document, account))
            {
                var result = Ask(caller, "sts:AssumeRole");
                if (result.Decision != Decision.Allowed)
                    continue;
                var externalId = result.Requirements.Any(static r => r.Effect == PolicyEffect.Allow && r.Conditions.Any(static c => string.Equals(c.Key, "sts:ExternalId", StringComparison.OrdinalIgnoreCase)));
                if (!externalId)
                    open.Add((other, new ProvenDecision(caller, "sts:AssumeRole", role.Arn, result)));
            }

            if (open.Count == 0)
                return;
            var facts = open.Select(o => o.Proof.Result.Requirements.IsEmpty
                ? $"account {o.Account} may assume it with no condition ({o.Proof.Principal} asked)"
                : $"account {o.Account} may assume it if: {Conditions(o.Proof.Result)}").ToImmutableArray();
            Add(ExposureCheckIds.TrustCrossAccount, open.Exists(static o => o.Proof.Result.Requirements.IsEmpty) ? Severity.Medium : Severity.Low,
                $"{Who} may be assumed from {(open.Count == 1 ? "account" : "accounts")} {string.Join(", ", open.Select(static o => o.Account))} without an external id",
                facts.Add("an external id (sts:ExternalId) keeps a third party's service from being used to assume the role for someone else (the confused deputy)"),
                [.. open.Select(static o => o.Proof)], AllowingStatement(open[0].Proof.Result));
        }

        private void Federated()
        {
            var providers = document.Statements
                .Where(static s => s.Effect == PolicyEffect.Allow && !s.IsNotPrincipal)
                .SelectMany(static s => s.Principal?.Of("Federated") ?? [])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (var provider in providers)
            {
                var saml = provider.Contains(":saml-provider/", StringComparison.Ordinal);
                var host = provider.Contains(":oidc-provider/", StringComparison.Ordinal) ? provider[(provider.IndexOf(":oidc-provider/", StringComparison.Ordinal) + 15)..] : provider;
                var action = saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";

                // A provider named by its host (cognito-identity.amazonaws.com…) is read as a service by the evaluator: its statements decide.
                var asked = provider.StartsWith("arn:", StringComparison.Ordinal) ? Ask(provider, action) : null;
                var conditions = asked is null
                    ? document.Statements.Where(s => s.Effect == PolicyEffect.Allow && (s.Principal?.Of("Federated").Contains(provider) ?? false)).SelectMany(static s => s.Conditions).ToList()
                    : asked.Decision == Decision.Allowed
                        ? asked.Requirements.Where(static r => r.Effect == PolicyEffect.Allow).SelectMany(static r => r.Conditions).ToList()
                        : null;
                if (conditions is null)
                    continue;
                var keys = conditions.Select(static c => c.Key).ToList();
                bool Has(string suffix) => keys.Exists(k => k.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
                var proofs = asked is null ? ImmutableArray<ProvenDecision>.Empty : [new ProvenDecision(provider, action, role.Arn, asked)];
                if (saml)
                {
                    if (!Has("SAML:aud"))
                    {
                        Add(ExposureCheckIds.TrustSaml, Severity.Low, $"{Who} may be assumed through SAML provider {provider} without a condition on SAML:aud",
                            ["SAML:aud ties the assertion to the AWS sign-in endpoint it was issued for"], proofs, asked is null ? null : AllowingStatement(asked));
                    }

                    continue;
                }

                var github = host.Equals("token.actions.githubusercontent.com", StringComparison.OrdinalIgnoreCase);
                var subjects = conditions.Where(c => c.Key.Equals(host + ":sub", StringComparison.OrdinalIgnoreCase) && !c.IsNegated).SelectMany(static c => c.Values).ToList();
                var anyOwner = subjects.Where(static v => v.StartsWith("repo:*", StringComparison.Ordinal) || v.StartsWith('*')).ToList();
                string? problem = null;
                if (github && subjects.Count == 0)
                    problem = "no condition on token.actions.githubusercontent.com:sub, so a workflow of any GitHub repository may assume it";
                else if (github && anyOwner.Count > 0)
                    problem = $"the condition on token.actions.githubusercontent.com:sub allows any owner ({string.Join(", ", anyOwner)})";
                else if (!github && !Has(host + ":aud") && !Has(host + ":sub"))
                    problem = $"no condition on {host}:aud or {host}:sub, so a token the provider issues to any client may be used";
                if (problem is null)
                    continue;
                var facts = ImmutableArray.Create(problem);
                if (conditions.Count > 0)
                    facts = facts.Add("conditions that apply: " + string.Join("; ", conditions.Select(static c => $"{c.OperatorName} {c.Key} {string.Join(", ", c.Values)}")));
                Add(ExposureCheckIds.TrustOidc, github || conditions.Count == 0 ? Severity.High : Severity.Medium,
                    $"{Who} may be assumed through OIDC provider {host}: {problem}", facts, proofs, asked is null ? null : AllowingStatement(asked));
            }
        }

        private void Services()
        {
            var services = document.Statements
                .Where(static s => s.Effect == PolicyEffect.Allow && !s.IsNotPrincipal)
                .SelectMany(static s => s.Principal?.Of("Service") ?? [])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (services.Count == 0)
                return;
            var proofs = services.Select(service => new ProvenDecision(service, "sts:AssumeRole", role.Arn, Ask(service, "sts:AssumeRole")))
                .Where(static p => p.Result.Decision == Decision.Allowed)
                .ToImmutableArray();
            if (proofs.IsEmpty)
                return;
            Add(ExposureCheckIds.TrustService, Severity.Informational,
                $"{Who} may be assumed by {(proofs.Length == 1 ? "service" : "services")} {string.Join(", ", proofs.Select(static p => p.Principal))}",
                ["a service assumes a role to act for the account; what the role may do is what the service, and whoever controls what runs on it, may do"],
                proofs, AllowingStatement(proofs[0].Result));
        }
    }
}
