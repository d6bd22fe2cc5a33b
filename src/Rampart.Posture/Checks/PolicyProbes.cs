using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Posture.Checks;

/// <summary>
/// The policy functions. Each asks the IAM evaluator concrete questions about the resource policy — may an anonymous
/// caller, a caller from an unknown account, a named account do what an Allow statement grants; is a request without
/// TLS explicitly denied — rather than reading statements by pattern, so that <c>NotPrincipal</c>, <c>NotAction</c>,
/// explicit denies and condition operators count as AWS counts them. A grant that holds only under a condition the probe
/// cannot decide (<c>aws:PrincipalOrgID</c>, <c>aws:SourceVpce</c>, <c>aws:SourceArn</c>…) is not counted as open.
/// </summary>
internal static class PolicyProbes
{
    private const string UnknownAccount = "999999999999";
    private const string ProbeSourceIp = "203.0.113.10";

    // The probing caller's own policies allow everything, so that only the resource policy decides.
    private static readonly CompiledPolicy AllowAll = CompiledPolicy.Compile(PolicyDocument.Parse(
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
        "rampart:probe-identity", PolicyKind.Identity, NullDiagnosticSink.Instance)!);

    private static readonly string[] S3ObjectProbes = ["s3:GetObject", "s3:PutObject"];

    /// <summary>
    /// Reads the policy a path selected — a JSON string (as AWS returns it), an object, or the CLI's wrapper
    /// <c>{"Policy": "…"}</c>; null with the error set when it cannot.
    /// </summary>
    public static CompiledPolicy? Read(ResourceView view, PathValue value)
    {
        string text;

        // `aws s3api get-bucket-policy` and its kin wrap the document: {"Policy": "<document as a string>"}.
        if (value.Items is null && value.Element.ValueKind == JsonValueKind.Object && !value.Element.TryGetProperty("Statement", out _)
            && value.Element.TryGetProperty("Policy", out var wrapped) && wrapped.ValueKind is JsonValueKind.String or JsonValueKind.Object)
            value = PathValue.Of(wrapped);
        if (value.Items is null && value.Element.ValueKind == JsonValueKind.String)
            text = value.Element.GetString()!;
        else if (value.Items is null && value.Element.ValueKind == JsonValueKind.Object)
            text = value.Element.GetRawText();
        else
        {
            view.Fail($"a policy must be a JSON string or object, not {(value.Items is null ? JsonValues.Describe(value.Element.ValueKind) : "a list")}");
            return null;
        }

        var parsed = view.Policy(text, static json =>
        {
            var bag = new DiagnosticBag();
            var document = PolicyDocument.Parse(json, "resource-policy", PolicyKind.Resource, bag);
            return document is null || bag.HasErrors
                ? string.Join("; ", bag.ToImmutableArray().Select(static d => $"{d.Location}: {d.Message}"))
                : CompiledPolicy.Compile(document);
        });
        if (parsed is CompiledPolicy policy)
            return policy;
        view.Fail("the policy does not parse: " + parsed);
        return null;
    }

    // Only a statement whose principal reaches everyone (`*`, or NotPrincipal) can let the public in; the evaluator then
    // decides whether its conditions and the policy's denies leave it open.
    public static bool AllowsPublic(ResourceView view, CompiledPolicy policy) =>
        Grants(view, policy).Where(static grant => grant.Principals.Contains("*")).Any(grant =>
            Allows(view, policy, "anonymous", grant.Action, grant.Resource) ||
            Allows(view, policy, $"arn:aws:iam::{UnknownAccount}:user/rampart-probe", grant.Action, grant.Resource));

    public static bool AllowsCrossAccount(ResourceView view, CompiledPolicy policy, ImmutableHashSet<string> trusted)
    {
        var own = view.Resource.Account;
        foreach (var grant in Grants(view, policy))
        {
            foreach (var principal in grant.Principals)
            {
                var account = AccountOf(principal);
                if (account is null || account == own || trusted.Contains(account))
                    continue;
                var caller = principal == "*" ? $"arn:aws:iam::{UnknownAccount}:user/rampart-probe"
                    : principal.StartsWith("arn:", StringComparison.Ordinal) ? principal
                    : $"arn:aws:iam::{account}:root";
                if (Allows(view, policy, caller, grant.Action, grant.Resource))
                    return true;
            }
        }

        return false;
    }

    public static bool DeniesInsecureTransport(ResourceView view, CompiledPolicy policy, ImmutableArray<string> actions)
    {
        // Without a conditional Deny nothing can deny by transport; most policies end here.
        if (!policy.Document.Statements.Any(static s => s.Effect == PolicyEffect.Deny && !s.Conditions.IsEmpty))
            return false;
        var key = view.Resource.Key;
        var probes = new List<(string Action, string Resource)>();
        if (!actions.IsDefaultOrEmpty)
            probes.AddRange(actions.Select(action => (action, key)));
        else if (key.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
        {
            probes.AddRange(S3ObjectProbes.Select(action => (action, key + "/rampart-probe")));
            probes.Add(("s3:ListBucket", key));
        }
        else
        {
            view.Fail("policy-denies-insecure-transport needs a list of actions as its value for resources other than S3 buckets");
            return false;
        }

        var callers = new[] { "anonymous", $"arn:aws:iam::{view.Resource.Account}:user/rampart-probe", $"arn:aws:iam::{UnknownAccount}:user/rampart-probe" };
        var policies = new PolicySet { Resource = policy, Identity = [AllowAll] };
        foreach (var (action, resource) in probes)
        {
            foreach (var caller in callers)
            {
                var request = Request(view, caller, action, resource, secure: false);
                if (PolicyEvaluator.Decide(request, policies) != Decision.ExplicitlyDenied)
                    return false;
            }
        }

        return true;
    }

    private static bool Allows(ResourceView view, CompiledPolicy policy, string caller, string action, string resource)
    {
        var policies = new PolicySet { Resource = policy, Identity = caller == "anonymous" ? [] : [AllowAll] };
        var result = PolicyEvaluator.EvaluateOpen(Request(view, caller, action, resource, secure: true), policies);
        return result.Decision == Decision.Allowed && !result.IsConditional;
    }

    private static AuthorizationRequest Request(ResourceView view, string caller, string action, string resource, bool secure) => new()
    {
        Principal = caller,
        Action = action,
        Resource = resource,
        ResourceAccount = view.Resource.Account,
        Context = view.ProbeContext(secure, transport => ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, new Dictionary<string, ImmutableArray<string>>
        {
            ["aws:SecureTransport"] = [transport ? "true" : "false"],
            ["aws:SourceIp"] = [ProbeSourceIp],
            ["aws:CurrentTime"] = [view.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)],
            ["aws:EpochTime"] = [view.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)],
        })),
    };

    /// <summary>What each Allow statement grants, made concrete: wildcards in actions and resources filled in.</summary>
    private static IEnumerable<(string Action, string Resource, ImmutableArray<string> Principals)> Grants(ResourceView view, CompiledPolicy policy)
    {
        var seen = new HashSet<(string, string, string)>(); 
        foreach (var statement in policy.Document.Statements)
        {
            if (statement.Effect != PolicyEffect.Allow)
                continue;
            var principals = statement.Principal is not { } set ? [] : set.IsWildcard ? ["*"] : set.Of("AWS");
            if (statement.IsNotPrincipal)
                principals = ["*"];
            var actions = statement.IsNotAction || statement.Actions.IsEmpty ? ["rampartprobe:Probe"] : statement.Actions.Select(Concrete);
            var resources = statement.IsNotResource || statement.Resources.IsEmpty ? [view.Resource.Key] : statement.Resources.Select(Concrete);
            foreach (var action in actions)
            {
                foreach (var resource in resources)
                {
                    if (seen.Add((action, resource, string.Join(',', principals))))
                        yield return (action, resource, principals);
                }
            }
        }
    }

    private static string Concrete(string pattern) => pattern.Replace('*', 'x').Replace('?', 'x');

    private static string? AccountOf(string principal)
    {
        if (principal == "*")
            return UnknownAccount;
        if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
            return principal;
        var parts = principal.Split(':');
        return parts.Length >= 5 && parts[0] == "arn" && parts[4].Length == 12 ? parts[4] : null;
    }
}
