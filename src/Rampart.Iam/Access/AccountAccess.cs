using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Access;

/// <summary>
/// Answers who can do what in one account, from its authorization details (<c>aws iam get-account-authorization-details</c>)
/// and the organisation's policies: <see cref="Can"/> for one principal, <see cref="WhoCan"/> for all of them. Every
/// managed policy is compiled once for the account, each group's inline policies once for its members, and each
/// principal's policy set once, on first use. Thread-safe.
/// </summary>
public sealed class AccountAccess
{
    private const string PrincipalTagPrefix = "aws:PrincipalTag/";

    private readonly AccessOptions _options;
    private readonly IDiagnosticSink _diagnostics;
    private readonly ImmutableArray<ImmutableArray<CompiledPolicy>> _scps;
    private readonly ImmutableArray<ImmutableArray<CompiledPolicy>> _rcps;
    private readonly CompiledPolicy? _resourcePolicy;
    private readonly ImmutableArray<Caller> _callers;
    private readonly Dictionary<string, Caller> _byArn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, PolicyKind Kind), Lazy<CompiledPolicy?>> _shared = new();
    private readonly ConcurrentDictionary<string, Lazy<CompiledPolicy?>> _trust = new(StringComparer.Ordinal);

    private AccountAccess(AccountAuthorizationDetails account, AccessOptions options, IDiagnosticSink diagnostics)
    {
        Account = account;
        _options = options;
        _diagnostics = diagnostics;
        _scps = [.. options.ServiceControlPolicies.Select(static level => CompiledPolicy.CompileAll(level))];
        _rcps = [.. options.ResourceControlPolicies.Select(static level => CompiledPolicy.CompileAll(level))];
        _resourcePolicy = options.ResourcePolicy is { } resource ? CompiledPolicy.Compile(resource) : null;
        var callers = ImmutableArray.CreateBuilder<Caller>(account.Users.Length + account.Roles.Length);
        foreach (var user in account.Users)
            callers.Add(new Caller(this, user.Arn, user.Name, AccessPrincipalKind.User, user.Tags, user.Id, user, null));
        foreach (var role in account.Roles)
            callers.Add(new Caller(this, role.Arn, role.Name, AccessPrincipalKind.Role, role.Tags, null, null, role));
        _callers = callers.MoveToImmutable();
        foreach (var caller in _callers)
            _byArn.TryAdd(caller.Arn, caller);
    }

    /// <summary>The account asked about.</summary>
    public AccountAuthorizationDetails Account { get; }

    /// <summary>The organisation policies, resource policy and context the questions are asked with.</summary>
    public AccessOptions Options => _options;

    /// <summary>
    /// Prepares questions over <paramref name="account"/>. Policies are compiled when first needed; problems in them are
    /// reported to <paramref name="diagnostics"/> once, with their place in the export, and the answers that miss them
    /// say so in <see cref="AccessAnswer.Gaps"/>.
    /// </summary>
    public static AccountAccess Create(AccountAuthorizationDetails account, AccessOptions options, IDiagnosticSink diagnostics) =>
        new(Guard.NotNull(account), Guard.NotNull(options), Guard.NotNull(diagnostics));

    /// <summary>
    /// Finds a user or role by ARN, or by name (users first); a name both a user and a role have is ambiguous and
    /// found by neither.
    /// </summary>
    /// <param name="nameOrArn">An ARN, or a user or role name.</param>
    /// <param name="arn">The principal's ARN.</param>
    /// <param name="problem">Why it was not found, for a person.</param>
    public bool TryFindPrincipal(string nameOrArn, [NotNullWhen(true)] out string? arn, [NotNullWhen(false)] out string? problem)
    {
        Guard.NotNull(nameOrArn);
        arn = null;
        problem = null;
        if (_byArn.ContainsKey(nameOrArn))
        {
            arn = nameOrArn;
            return true;
        }

        if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problem = $"the export has no user or role with ARN {nameOrArn}";
            return false;
        }

        var user = Account.FindUser(nameOrArn);
        var role = Account.FindRole(nameOrArn);
        if (user is not null && role is not null)
        {
            problem = $"'{nameOrArn}' is both a user and a role; give the ARN ({user.Arn} or {role.Arn})";
            return false;
        }

        arn = user?.Arn ?? role?.Arn;
        problem = arn is null ? $"the export has no user or role named '{nameOrArn}'" : null;
        return arn is not null;
    }

    /// <summary>
    /// Whether the user or role <paramref name="principal"/> (an ARN or name, see <see cref="TryFindPrincipal"/>) may
    /// perform <paramref name="action"/> on <paramref name="resource"/>, and under which conditions.
    /// </summary>
    /// <exception cref="ArgumentException">The account has no such principal.</exception>
    public AccessAnswer Can(string principal, string action, string resource)
    {
        Guard.NotNull(action);
        Guard.NotNull(resource);
        if (!TryFindPrincipal(principal, out var arn, out var problem))
            throw new ArgumentException(problem, nameof(principal));
        return Ask(_byArn[arn], action, resource);
    }

    /// <summary>
    /// Every user and role that may perform <paramref name="action"/> on <paramref name="resource"/>, outright or under
    /// conditions, users first, in export order; and those found not to whose answers have gaps.
    /// </summary>
    public WhoCanResult WhoCan(string action, string resource)
    {
        Guard.NotNull(action);
        Guard.NotNull(resource);
        var allowed = ImmutableArray.CreateBuilder<AccessAnswer>();
        var uncertain = ImmutableArray.CreateBuilder<AccessAnswer>();
        foreach (var caller in _callers)
        {
            var answer = Ask(caller, action, resource);
            if (answer.IsAllowed)
                allowed.Add(answer);
            else if (!answer.Gaps.IsEmpty)
                uncertain.Add(answer);
        }

        return new WhoCanResult(allowed.ToImmutable(), uncertain.ToImmutable());
    }

    /// <summary>The number of users and roles asked about by <see cref="WhoCan"/>.</summary>
    public int PrincipalCount => _callers.Length;

    /// <summary>The identity policies of a user or role (by ARN), compiled; empty for an ARN the account does not have.</summary>
    public ImmutableArray<CompiledPolicy> IdentityPolicies(string principalArn) =>
        _byArn.TryGetValue(Guard.NotNull(principalArn), out var caller) ? caller.Prepared.Value.Policies.Identity : [];

    /// <summary>Every user and role, users first, in export order.</summary>
    public IEnumerable<AccessPrincipal> Principals => _callers.Select(static caller => caller.Principal);

    /// <summary>
    /// For analyses over the whole account (escalation): asks as <see cref="Can"/> does for the user or role with ARN
    /// <paramref name="arn"/>, knowing also the keys in <paramref name="context"/>, taking the keys
    /// <paramref name="absent"/> names as absent, and with its policies as <paramref name="change"/> makes them (what could
    /// it do if this policy were attached?).
    /// </summary>
    internal AccessAnswer Ask(
        string arn,
        string action,
        string resource,
        ImmutableDictionary<string, ImmutableArray<string>>? context,
        Func<string, bool>? absent,
        Func<PolicySet, PolicySet>? change) =>
        Ask(_byArn[arn], action, resource, context, absent, change);

    /// <summary>The compiled policies the user or role with ARN <paramref name="arn"/> is asked with.</summary>
    internal PolicySet PoliciesOf(string arn) => _byArn[arn].Prepared.Value.Policies;

    /// <summary>
    /// The compiled policies that bear on requests of the user or role <paramref name="arn"/> (without a resource policy),
    /// and what they miss: for analyses that look at statements before asking the evaluator.
    /// </summary>
    internal (PolicySet Policies, ImmutableArray<string> Gaps) PoliciesAndGapsOf(string arn)
    {
        var prepared = _byArn[arn].Prepared.Value;
        return (prepared.Policies, prepared.Gaps);
    }

    /// <summary>The compiled trust policy of the account's role with ARN <paramref name="roleArn"/>; null when missing or unreadable.</summary>
    internal CompiledPolicy? TrustPolicyOf(string roleArn) =>
        _byArn.TryGetValue(roleArn, out var caller) && caller.Role is { } role ? Trust(role) : null;

    private CompiledPolicy? Trust(IamRole role) =>
        _trust.GetOrAdd(role.Arn, _ => new Lazy<CompiledPolicy?>(() =>
            role.AssumeRolePolicy is { } text ? Compile(text, $"trust policy of role {role.Name}", PolicyKind.Trust) : null)).Value;

    private AccessAnswer Ask(
        Caller caller,
        string action,
        string resource,
        ImmutableDictionary<string, ImmutableArray<string>>? context = null,
        Func<string, bool>? absent = null,
        Func<PolicySet, PolicySet>? change = null)
    {
        var prepared = caller.Prepared.Value;
        var policies = change is null ? prepared.Policies : change(prepared.Policies);
        var gaps = prepared.Gaps;
        if (_resourcePolicy is null && TrustedRole(action, resource) is { } role)
        {
            var trust = Trust(role);
            policies = policies with { Resource = trust };
            if (trust is null)
                gaps = gaps.Add($"the trust policy of role {role.Name} is missing or has errors");
        }

        var request = new AuthorizationRequest
        {
            Principal = caller.Arn,
            Action = action,
            Resource = resource,
            ResourceAccount = IamArn.Account(resource) ?? _options.ResourceAccount ?? Account.AccountId,
            Context = context is null ? prepared.Context : prepared.Context.SetItems(context),
        };
        Func<string, bool> known = _options.ClosedContext ? static _ => true
            : absent is null ? KnownAbsent
            : key => KnownAbsent(key) || absent(key);
        var result = PolicyEvaluator.EvaluateOpen(request, policies, known);
        return new AccessAnswer(caller.Arn, caller.Name, caller.Kind, result, gaps);
    }

    // The caller's tags are all known: a principal tag it does not have is absent, not open.
    private static bool KnownAbsent(string key) => key.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase);

    private IamRole? TrustedRole(string action, string resource) =>
        resource.Contains(":role/", StringComparison.Ordinal)
        && PolicyEvaluator.IsTrustAction(action)
        && _byArn.TryGetValue(resource, out var caller)
            ? caller.Role
            : null;

    private Prepared Prepare(Caller caller)
    {
        var effective = caller.User is { } user ? Account.EffectivePolicies(user) : Account.EffectivePolicies(caller.Role!);
        var gaps = ImmutableArray.CreateBuilder<string>();
        foreach (var missing in effective.MissingPolicyArns)
            gaps.Add($"managed policy {missing} is not in the export");
        foreach (var group in effective.UnknownGroups)
            gaps.Add($"group {group} is not in the export");
        var identity = ImmutableArray.CreateBuilder<CompiledPolicy>(effective.Identity.Length);
        foreach (var applied in effective.Identity)
        {
            var name = applied.Attachment switch
            {
                PolicyAttachment.Managed or PolicyAttachment.GroupManaged => $"managed policy {applied.PolicyArn}",
                PolicyAttachment.GroupInline => $"inline policy {applied.PolicyName} of group {applied.GroupName}",
                _ => $"inline policy {applied.PolicyName} of {(caller.Kind == AccessPrincipalKind.User ? "user" : "role")} {caller.Name}",
            };
            var compiled = applied.Attachment switch
            {
                PolicyAttachment.Managed or PolicyAttachment.GroupManaged or PolicyAttachment.GroupInline => Shared(name, applied.Document, PolicyKind.Identity),
                _ => Compile(applied.Document, name, PolicyKind.Identity),
            };
            if (compiled is null)
                gaps.Add($"{name} has errors and was left out");
            else if (!identity.Contains(compiled))
                identity.Add(compiled);
        }

        CompiledPolicy? boundary = null;
        if (effective.PermissionsBoundary is { } applied2)
        {
            boundary = Shared($"permissions boundary {applied2.PolicyArn}", applied2.Document, PolicyKind.PermissionBoundary);
            if (boundary is null)
                gaps.Add($"permissions boundary {applied2.PolicyArn} has errors; nothing is allowed while it is unreadable");
        }

        // Service-linked roles are not limited by service control policies.
        var serviceLinked = caller.Role?.IsServiceLinked == true;
        var policies = new PolicySet
        {
            Identity = identity.DrainToImmutable(),
            PermissionBoundary = boundary ?? (effective.PermissionsBoundary is null ? null : DenyAll),
            ServiceControl = serviceLinked ? [] : _scps,
            ResourceControl = _rcps,
            Resource = _resourcePolicy,
        };

        var context = _options.Context;
        foreach (var group in caller.Tags.GroupBy(static tag => tag.Key, StringComparer.OrdinalIgnoreCase))
            context = context.SetItem(PrincipalTagPrefix + group.Key, [.. group.Select(static tag => tag.Value)]);
        if (!string.IsNullOrEmpty(caller.UserId) && !context.ContainsKey("aws:userid"))
            context = context.SetItem("aws:userid", [caller.UserId]);
        return new Prepared(policies, context, gaps.ToImmutable());
    }

    // Stands for a boundary that could not be read: a boundary with no statements allows nothing.
    private static CompiledPolicy DenyAll { get; } = CompiledPolicy.Compile(new PolicyDocument
    {
        Version = PolicyParser.Version2012,
        Kind = PolicyKind.PermissionBoundary,
        Statements = [],
        Origin = "an unreadable permissions boundary",
    });

    private CompiledPolicy? Shared(string name, PolicyText text, PolicyKind kind) =>
        _shared.GetOrAdd((name, kind), _ => new Lazy<CompiledPolicy?>(() => Compile(text, name, kind))).Value;

    // Parses a document of the export; its diagnostics point into the export (file and JSON path), its traces name it for a person.
    private CompiledPolicy? Compile(PolicyText text, string name, PolicyKind kind)
    {
        var cut = text.Origin.IndexOf(": $", StringComparison.Ordinal);
        PolicyDocument? document;
        try
        {
            using var json = JsonDocument.Parse(text.Json);
            document = cut < 0
                ? PolicyParser.Parse(json.RootElement, name, kind, _diagnostics, text.Origin)
                : PolicyParser.Parse(json.RootElement, name, kind, _diagnostics, text.Origin[..cut], text.Origin[(cut + 2)..]);
        }
        catch (JsonException)
        {
            // The parser reports it with its line and column.
            document = PolicyDocument.Parse(text.Json, text.Origin, kind, _diagnostics);
        }

        return document is null ? null : CompiledPolicy.Compile(document);
    }

    private sealed record Prepared(PolicySet Policies, ImmutableDictionary<string, ImmutableArray<string>> Context, ImmutableArray<string> Gaps);

    private sealed class Caller
    {
        public Caller(AccountAccess owner, string arn, string name, AccessPrincipalKind kind, ImmutableArray<IamTag> tags, string? userId, IamUser? user, IamRole? role)
        {
            Arn = arn;
            Name = name;
            Kind = kind;
            Tags = tags.IsDefault ? [] : tags;
            UserId = userId;
            User = user;
            Role = role;
            Prepared = new Lazy<Prepared>(() => owner.Prepare(this), LazyThreadSafetyMode.ExecutionAndPublication);
            Principal = new AccessPrincipal(arn, name, kind, user, role);
        }

        public AccessPrincipal Principal { get; }

        public string Arn { get; }

        public string Name { get; }

        public AccessPrincipalKind Kind { get; }

        public ImmutableArray<IamTag> Tags { get; }

        public string? UserId { get; }

        public IamUser? User { get; }

        public IamRole? Role { get; }

        public Lazy<Prepared> Prepared { get; }
    }
}
