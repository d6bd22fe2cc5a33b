using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>
/// Decides requests as AWS does: an explicit deny anywhere wins; then every SCP and RCP level, the VPC endpoint policy,
/// the resource policy and the identity policies (with permissions boundary and session policy) must allow as AWS's
/// evaluation logic requires for the caller and the accounts involved. Stateless and thread-safe.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>The actions a role's trust policy governs.</summary>
    internal static FrozenSet<string> TrustActions { get; } = new[]
    {
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[][] LevelNames =
        [[.. Enumerable.Range(0, 8).Select(i => $"serviceControlPolicies[{i}]")], [.. Enumerable.Range(0, 8).Select(i => $"resourceControlPolicies[{i}]")]];

    [ThreadStatic]
    private static List<CompiledStatement>? t_candidates;

    [ThreadStatic]
    private static List<PolicyCondition>? t_unknown;

    /// <summary>Decides <paramref name="request"/> against <paramref name="policies"/>, with the trace of why.</summary>
    public static EvaluationResult Evaluate(AuthorizationRequest request, PolicySet policies)
    {
        Core.Guard.NotNull(request);
        Core.Guard.NotNull(policies);
        var layers = ImmutableArray.CreateBuilder<LayerTrace>();
        var (decision, reason) = Decide(new RequestScope(request), policies, layers);
        return new EvaluationResult(decision, new EvaluationTrace(reason, layers.ToImmutable()));
    }

    /// <summary>Decides <paramref name="request"/> without building a trace: for bulk questions.</summary>
    public static Decision Decide(AuthorizationRequest request, PolicySet policies)
    {
        Core.Guard.NotNull(request);
        Core.Guard.NotNull(policies);
        return Decide(new RequestScope(request), policies, null).Decision;
    }

    /// <summary>
    /// Answers an open question: may the caller make this request whatever its context holds beyond what
    /// <paramref name="request"/> gives? A condition on a key the request does not give (and
    /// <paramref name="knownAbsent"/> does not declare absent) is not decided; the answer lists the statements that depend
    /// on such conditions. Keys the evaluator derives from the caller (<c>aws:PrincipalArn</c>, <c>aws:username</c>…) are
    /// always known.
    /// </summary>
    /// <param name="request">The request; its context holds the keys known.</param>
    /// <param name="policies">The policies.</param>
    /// <param name="knownAbsent">Keys known to be absent (such as principal tags the caller does not have); null for none.</param>
    public static OpenEvaluationResult EvaluateOpen(AuthorizationRequest request, PolicySet policies, Func<string, bool>? knownAbsent = null)
    {
        Core.Guard.NotNull(request);
        Core.Guard.NotNull(policies);
        var open = new OpenQuestion(knownAbsent ?? (static _ => false));
        var scope = new RequestScope(request) { Open = open };
        var layers = ImmutableArray.CreateBuilder<LayerTrace>();
        var (decision, reason) = Decide(scope, policies, layers);
        var trace = new EvaluationTrace(reason, layers.ToImmutable());
        if (decision != Decision.Allowed || open.Requirements.Count == 0)
            return new OpenEvaluationResult(decision, [], trace);

        // Allowed when the undecided conditions fall the caller's way: allowed outright if also when they do not.
        open.Favourable = false;
        return Decide(scope, policies, null).Decision == Decision.Allowed
            ? new OpenEvaluationResult(decision, [], trace)
            : new OpenEvaluationResult(decision, open.Relevant(), trace);
    }

    private static (Decision Decision, string Reason) Decide(RequestScope scope, PolicySet policies, ImmutableArray<LayerTrace>.Builder? trace)
    {
        var principal = scope.Principal;
        var authenticated = principal.Kind is PrincipalKind.User or PrincipalKind.RoleSession or PrincipalKind.FederatedUser or PrincipalKind.Root;

        // Every layer that applies is evaluated first, so that a deny in any of them is found whatever the order.
        var scps = new LayerResult[authenticated ? policies.ServiceControl.Length : 0];
        for (var i = 0; i < scps.Length; i++)
            scps[i] = Evaluate(LevelName("serviceControlPolicies", i), policies.ServiceControl[i], scope, resourceLike: false, trace);
        var rcps = new LayerResult[principal.Kind == PrincipalKind.Service ? 0 : policies.ResourceControl.Length];
        for (var i = 0; i < rcps.Length; i++)
            rcps[i] = Evaluate(LevelName("resourceControlPolicies", i), policies.ResourceControl[i], scope, resourceLike: true, trace);
        var endpoint = policies.VpcEndpoint is { } vpce ? Evaluate("vpcEndpointPolicy", [vpce], scope, resourceLike: true, trace) : null;
        var resource = policies.Resource is { } resourcePolicy ? Evaluate("resourcePolicy", [resourcePolicy], scope, resourceLike: true, trace) : null;
        LayerResult? identity = null, boundary = null, session = null;
        if (authenticated && principal.Kind != PrincipalKind.Root)
        {
            identity = Evaluate("identityPolicies", policies.Identity, scope, resourceLike: false, trace);
            boundary = policies.PermissionBoundary is { } b ? Evaluate("permissionBoundary", [b], scope, resourceLike: false, trace) : null;
            session = policies.Session is { } s ? Evaluate("sessionPolicy", [s], scope, resourceLike: false, trace) : null;
        }

        if ((FirstDenying(scps) ?? FirstDenying(rcps) ?? FirstDenying([endpoint, resource, identity, boundary, session])) is { } denying)
            return (Decision.ExplicitlyDenied, $"a Deny statement in {denying.Name} applies");
        foreach (var layer in scps)
        {
            if (!layer.Allowed)
                return (Decision.ImplicitlyDenied, $"{layer.Name} allow nothing that covers the request (every level must allow)");
        }

        foreach (var layer in rcps)
        {
            if (!layer.Allowed)
                return (Decision.ImplicitlyDenied, $"{layer.Name} allow nothing that covers the request (every level must allow)");
        }

        if (endpoint is { Allowed: false })
            return (Decision.ImplicitlyDenied, "the VPC endpoint policy does not allow the request");

        var granted = resource?.Principal ?? PrincipalMatch.None;
        if (!authenticated)
        {
            return granted == PrincipalMatch.Direct
                ? (Decision.Allowed, "the resource policy allows the caller by name")
                : (Decision.ImplicitlyDenied, principal.Kind == PrincipalKind.Anonymous
                    ? "an anonymous request is allowed only by a resource policy open to everyone"
                    : "only a resource policy naming the caller can allow it");
        }

        var kmsKey = IsKmsKey(scope);
        var roleTrust = !kmsKey && IsRoleTrust(scope);
        var mustBeNamed = kmsKey || roleTrust;
        var identityAllows = principal.Kind == PrincipalKind.Root || identity is { Allowed: true };
        var limitsHold = boundary is not { Allowed: false } && session is not { Allowed: false };
        string Limits() => boundary is { Allowed: false } ? "the permissions boundary does not allow it" : "the session policy does not allow it";
        var kind = kmsKey ? "the key policy" : roleTrust ? "the role's trust policy" : "the resource policy";

        if (!scope.SameAccount)
        {
            // Across accounts both sides must allow: the resource policy (naming the caller or its account) and the caller's own policies.
            if (granted == PrincipalMatch.None)
                return (Decision.ImplicitlyDenied, $"the request crosses accounts and {kind} of account {scope.ResourceAccount} does not allow it");
            if (!identityAllows)
                return (Decision.ImplicitlyDenied, $"the request crosses accounts and no identity policy of the caller allows it");
            return limitsHold ? (Decision.Allowed, $"{kind} and an identity policy both allow it") : (Decision.ImplicitlyDenied, Limits());
        }

        switch (granted)
        {
            case PrincipalMatch.Direct:
                // A grant to the user's or the session's own ARN is not limited by a boundary or session policy.
                return (Decision.Allowed, $"{kind} allows the caller by name");
            case PrincipalMatch.Role:
                return limitsHold ? (Decision.Allowed, $"{kind} allows the caller's role") : (Decision.ImplicitlyDenied, Limits());
        }

        if (mustBeNamed && granted == PrincipalMatch.None)
            return (Decision.ImplicitlyDenied, $"{kind} must allow the request, and it does not");
        if (!identityAllows)
        {
            return (Decision.ImplicitlyDenied, granted == PrincipalMatch.Account
                ? $"{kind} allows the account, which leaves it to identity policies, and none allows it"
                : "no identity or resource policy allows it");
        }

        return limitsHold ? (Decision.Allowed, "an identity policy allows it") : (Decision.ImplicitlyDenied, Limits());
    }

    private static string LevelName(string layer, int level) =>
        level < 8 ? LevelNames[layer[0] == 's' ? 0 : 1][level] : $"{layer}[{level}]";

    private static LayerResult? FirstDenying(ReadOnlySpan<LayerResult?> layers)
    {
        foreach (var layer in layers)
        {
            if (layer is { Denied: true })
                return layer;
        }

        return null;
    }

    private static bool IsKmsKey(RequestScope scope) =>
        scope.Action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase) && scope.Request.Resource.Contains(":kms:", StringComparison.Ordinal);

    private static bool IsRoleTrust(RequestScope scope) =>
        scope.Request.Resource.Contains(":role/", StringComparison.Ordinal)
        && IsTrustAction(scope.Action);

    /// <summary>Whether <paramref name="action"/> is one a role's trust policy governs (<c>sts:AssumeRole</c>, <c>sts:TagSession</c>…).</summary>
    internal static bool IsTrustAction(string action) => TrustActions.Contains(action);

    private static LayerResult Evaluate(string name, ImmutableArray<CompiledPolicy> policies, RequestScope scope, bool resourceLike, ImmutableArray<LayerTrace>.Builder? trace)
    {
        var result = new LayerResult(name);
        var statements = trace is null ? null : ImmutableArray.CreateBuilder<StatementTrace>();
        var candidates = t_candidates ??= [];
        var open = scope.Open;
        var unknown = open is null ? null : t_unknown ??= [];
        foreach (var policy in policies)
        {
            policy.Candidates(scope.Action, candidates);
            foreach (var statement in candidates)
            {
                if (!statement.MatchesAction(scope.Action) || !statement.MatchesResource(scope))
                    continue;
                var match = resourceLike ? statement.MatchPrincipal(scope.Principal) : PrincipalMatch.Direct;
                if (match == PrincipalMatch.None)
                    continue;
                unknown?.Clear();
                if (!statement.ConditionsHold(scope, unknown))
                    continue;
                var undecided = unknown is { Count: > 0 };
                if (undecided && !open!.Applies(name, policy, statement, unknown!))
                    continue;
                if (statement.Effect == PolicyEffect.Deny)
                {
                    result.Denied = true;
                }
                else
                {
                    result.Allowed = true;
                    if (match > result.Principal)
                        result.Principal = match;
                    if (!undecided && open is { Favourable: true })
                        open.SurelyAllowed.Add(name);
                }

                statements?.Add(new StatementTrace(policy.Document.Origin, statement.Statement.Path, statement.Statement.Sid, statement.Effect,
                    resourceLike && statement.Statement.Principal is not null ? match : null));
            }
        }

        trace?.Add(new LayerTrace(name, result.Denied ? "Deny" : result.Allowed ? "Allow" : "NoMatch", statements!.ToImmutable()));
        return result;
    }

    private sealed class LayerResult(string name)
    {
        public string Name { get; } = name;

        public bool Allowed { get; set; }

        public bool Denied { get; set; }

        public PrincipalMatch Principal { get; set; }
    }
}
