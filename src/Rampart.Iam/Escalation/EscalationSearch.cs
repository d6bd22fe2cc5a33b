using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Escalation;

/// <summary>
/// Builds the escalation graph of one account and finds each principal's shortest path to full control. Every edge rests
/// on the evaluator's answers for the concrete roles, users, groups and policies of the account; cheap prefilters (does
/// any identity statement name the action at all? does the trust policy name the caller or its account?) decide which
/// questions are worth asking.
/// </summary>
internal sealed class EscalationSearch
{
    internal const string ProbeName = "rampartprobe";
    internal const string ProbeRegion = "us-east-1";
    internal const string FullControlId = "full-control";

    private const string AllowAllJson = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private static readonly ImmutableDictionary<string, ImmutableArray<string>> EmptyContext =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);

    private static readonly CompiledPolicy AllowAll = Compile(AllowAllJson, "AdministratorAccess, as the escalation would attach it", PolicyKind.Identity)!;
    private static readonly CompiledPolicy AllowAllBoundary = Compile(AllowAllJson, "AdministratorAccess as permissions boundary, as the escalation would set it", PolicyKind.PermissionBoundary)!;

    private readonly AccountAccess _access;
    private readonly AccountAuthorizationDetails _account;
    private readonly AccessPrincipal[] _principals;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly string _accountId;
    private readonly string _partition;
    private readonly string _adminPolicyArn;
    private readonly ActionMask _mask;
    private readonly ulong[] _masks;
    private readonly OpenEvaluationResult?[] _admin;
    private readonly List<Node> _nodes = [];
    private readonly List<Edge> _edges = [];
    private readonly Dictionary<string, int> _virtual = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, bool Profile), List<(int Role, OpenEvaluationResult Trust)>> _serviceRoles = [];
    private readonly Dictionary<(int Target, string Change), OpenEvaluationResult?> _gains = [];
    private readonly Dictionary<string, ImmutableArray<CompiledPolicy>> _groupPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Action, int Target, string? Service), (ImmutableDictionary<string, ImmutableArray<string>>, Func<string, bool>)> _contexts = [];
    private readonly Dictionary<(int Role, string Service), OpenEvaluationResult?> _passed = [];
    private readonly HashSet<string> _gaps = new(StringComparer.Ordinal);
    private readonly List<IamFinding> _extraFindings = [];
    private readonly List<CompiledStatement> _candidates = [];
    private readonly Dictionary<string, int[]> _rolesMatching = new(StringComparer.Ordinal);
    private bool[]? _passable;
    private TrustIndex? _trust;
    private bool _usedExisting;

    public EscalationSearch(AccountAccess access)
    {
        _access = access;
        _account = access.Account;
        _principals = [.. access.Principals];
        for (var i = 0; i < _principals.Length; i++)
            _index.TryAdd(_principals[i].Arn, i);
        _accountId = _account.AccountId ?? "000000000000";
        _partition = _principals.Length > 0 && _principals[0].Arn.Split(':') is { Length: > 2 } parts ? parts[1] : "aws";
        _adminPolicyArn = $"arn:{_partition}:iam::aws:policy/AdministratorAccess";
        _mask = new ActionMask([.. EscalationMethods.All.SelectMany(static m => m.Actions.Select(static a => a.Action)), .. AdminProbeActions]);
        _masks = new ulong[_principals.Length];
        _admin = new OpenEvaluationResult?[_principals.Length];
        foreach (var principal in _principals)
        {
            _nodes.Add(new Node(principal.Arn, principal.Name,
                principal.Kind == AccessPrincipalKind.User ? EscalationNodeKind.User : EscalationNodeKind.Role));
        }

        _nodes.Add(new Node(FullControlId, "full control of the account", EscalationNodeKind.FullControl));
    }

    private static string[] AdminProbeActions => ["rampartprobe:AnyAction", "iam:PutRolePolicy", "iam:AttachUserPolicy"];

    private int FullControl => _principals.Length;

    public EscalationAnalysis Run()
    {
        for (var i = 0; i < _principals.Length; i++)
        {
            _masks[i] = Mask(_access.PoliciesOf(_principals[i].Arn));
            _admin[i] = AdminAnswer(i, null);
            _nodes[i] = _nodes[i] with { Admin = _admin[i] is not null };
        }

        for (var i = 0; i < _principals.Length; i++)
        {
            if (_admin[i] is null)
                Explore(i);
        }

        var (distance, next) = ShortestPaths();
        var paths = ImmutableArray.CreateBuilder<EscalationPath>();
        var findings = ImmutableArray.CreateBuilder<IamFinding>();
        for (var i = 0; i < _principals.Length; i++)
        {
            if (_admin[i] is not null || distance[i] == int.MaxValue)
                continue;
            var hops = Hops(i, next);
            var path = new EscalationPath(_principals[i].Arn, [.. hops.Select(ToPublic)]);
            paths.Add(path);
            findings.Add(Finding(i, hops));
        }

        findings.AddRange(_extraFindings);
        return new EscalationAnalysis(
            [.. _nodes.Select(static node => new EscalationNode(node.Id, node.Name, node.Kind, node.Admin))],
            [.. _edges.Select(ToPublic)],
            paths.ToImmutable(),
            findings.ToImmutable(),
            Notes());
    }

    // ---- what one principal can do ----

    private void Explore(int p)
    {
        _passed.Clear();
        _passable = null;
        SwitchVersions(p);
        if (Grants(p, p, null))
            return;

        // The steps to each principal it can become matter only if it can then change that principal's permissions.
        var hops = EscalationMethods.All.Any(method => method.Target is not (EscalationTargetKind.NewPrincipal or EscalationTargetKind.OtherPolicyVersion)
            && IsGrant(method) && _mask.Has(_masks[p], method)) ? new Dictionary<int, ImmutableArray<PathStep>>() : null;
        if (Become(p, hops) || hops is null)
            return;
        foreach (var (target, steps) in hops)
        {
            if (_admin[target] is null && Grants(p, target, steps))
                return;
        }
    }

    private static bool IsGrant(EscalationMethod method) => method.Target is EscalationTargetKind.TargetPolicy or EscalationTargetKind.GroupPolicyOfTarget
        or EscalationTargetKind.GroupMembership or EscalationTargetKind.PolicyOfTarget or EscalationTargetKind.RemoveBoundary or EscalationTargetKind.ReplaceBoundary;

    /// <summary>
    /// Edges to principals <paramref name="p"/> can become, with the steps to each in <paramref name="hops"/> when given;
    /// true when one may already do everything.
    /// </summary>
    private bool Become(int p, Dictionary<int, ImmutableArray<PathStep>>? hops)
    {
        foreach (var method in EscalationMethods.All)
        {
            if (!_mask.Has(_masks[p], method) && method.Target != EscalationTargetKind.AssumeRole)
                continue;
            switch (method.Target)
            {
                case EscalationTargetKind.AssumeRole:
                    foreach (var t in Trust.Candidates(p, _mask.Has(_masks[p], "sts:AssumeRole")))
                    {
                        // A trust policy that names only the account leaves it to identity policies, which must name the role.
                        if (!Trust.Admits(p, t) && !MayAllowOn(_access.PoliciesOf(_principals[p].Arn), "sts:AssumeRole", _principals[t].Arn))
                            continue;
                        if (Direct(p, t, method, hops))
                            return true;
                    }

                    break;
                case EscalationTargetKind.RoleTrust:
                    for (var t = 0; t < _principals.Length; t++)
                    {
                        if (t != p && _principals[t].Role is { } role && !role.IsServiceLinked && Direct(p, t, method, hops))
                            return true;
                    }

                    break;
                case EscalationTargetKind.UserCredentials:
                    for (var t = 0; t < _principals.Length; t++)
                    {
                        if (t != p && _principals[t].Kind == AccessPrincipalKind.User && Direct(p, t, method, hops))
                            return true;
                    }

                    break;
                case EscalationTargetKind.PassRoleToService:
                    if (PassRoles(p, method, hops))
                        return true;
                    break;
                case EscalationTargetKind.ServiceResource:
                    if (ExistingResources(p, method, hops))
                        return true;
                    break;
            }
        }

        return false;
    }

    private bool Direct(int p, int t, EscalationMethod method, Dictionary<int, ImmutableArray<PathStep>>? hops)
    {
        var target = _principals[t];
        var steps = Steps(p, method, target.Arn, t, Gains(t));
        if (steps.IsDefault)
            return false;
        AddEdge(p, t, method, Describe(method, target.Name), steps, Facts(method));
        hops?.TryAdd(t, steps);
        return _admin[t] is not null;
    }

    private bool PassRoles(int p, EscalationMethod method, Dictionary<int, ImmutableArray<PathStep>>? hops)
    {
        // The resource the principal creates does not depend on the role passed: ask once.
        var service = ServiceSteps(p, method, method.Actions.RemoveAt(0));
        if (service.IsDefault)
            return false;
        var reached = false;
        var passable = _passable ??= PassableRoles(p);
        foreach (var (t, trust) in ServiceRoles(method.ServicePrincipal!, method.NeedsInstanceProfile))
        {
            if (t == p || (passable is not null && !passable[t]))
                continue;
            var target = _principals[t];
            if (!_passed.TryGetValue((t, method.ServicePrincipal!), out var pass))
                _passed[(t, method.ServicePrincipal!)] = pass = Ask(p, "iam:PassRole", target.Arn, Context("iam:PassRole", t, method.ServicePrincipal));
            if (pass is null)
                continue;
            var summary = Describe(method, target.Name);
            var steps = ImmutableArray.Create(new PathStep(_principals[p].Arn, "iam:PassRole", target.Arn, "needed to " + summary, pass))
                .AddRange(service.Select(step => step with { Gains = "needed to " + summary }))
                .Add(TrustStep(method.ServicePrincipal!, t, trust));
            AddEdge(p, t, method, summary, steps, Facts(method));
            hops?.TryAdd(t, steps);
            if (_admin[t] is not null)
                reached = true;
        }

        return reached;
    }

    private bool ExistingResources(int p, EscalationMethod method, Dictionary<int, ImmutableArray<PathStep>>? hops)
    {
        var roles = ServiceRoles(method.ServicePrincipal!, method.NeedsInstanceProfile);
        if (roles.Count == 0)
            return false;
        var steps = ServiceSteps(p, method, method.Actions);
        if (steps.IsDefault)
            return false;
        _usedExisting = true;
        var node = Virtual(method, roles);
        var summary = Describe(method, "(any)");
        AddEdge(p, node, method, summary, [.. steps.Select(step => step with { Gains = "code running in an existing resource, as its role" })], Facts(method));
        var reached = false;
        foreach (var (t, trust) in roles)
        {
            if (t == p)
                continue;
            reached |= _admin[t] is not null;
            if (hops is not null && !hops.ContainsKey(t))
                hops[t] = [.. steps.Select(step => step with { Gains = "needed to " + Describe(method, _principals[t].Name) }), TrustStep(method.ServicePrincipal!, t, trust)];
        }

        return reached;
    }

    /// <summary>
    /// Edges to full control from changing <paramref name="t"/>'s permissions (<paramref name="p"/>'s own when equal; else
    /// followed by <paramref name="become"/>, the steps by which <paramref name="p"/> becomes <paramref name="t"/>).
    /// </summary>
    private bool Grants(int p, int t, ImmutableArray<PathStep>? become)
    {
        var target = _principals[t];
        foreach (var method in EscalationMethods.All)
        {
            if (!_mask.Has(_masks[p], method) || (method.AppliesTo is { } kind && kind != target.Kind))
                continue;
            var found = method.Target switch
            {
                EscalationTargetKind.TargetPolicy => Grant(p, t, method, target.Arn, target.Name, "all", static set => set with { Identity = set.Identity.Add(AllowAll) }, become),
                EscalationTargetKind.GroupPolicyOfTarget => Groups(target).Any(group =>
                    Grant(p, t, method, group.Arn, group.Name, "all", static set => set with { Identity = set.Identity.Add(AllowAll) }, become)),
                EscalationTargetKind.GroupMembership => _account.Groups.Where(group => !target.User!.Groups.Contains(group.Name)).Any(group =>
                    Grant(p, t, method, group.Arn, group.Name, "group:" + group.Name, set => set with { Identity = set.Identity.AddRange(GroupPolicies(group)) }, become)),
                EscalationTargetKind.PolicyOfTarget => CustomerPolicies(target).Any(policy =>
                    Grant(p, t, method, policy.Arn, policy.Name, "policy:" + policy.Arn, set => Replace(set, policy.Arn), become)),
                EscalationTargetKind.RemoveBoundary => Boundary(target) is not null
                    && Grant(p, t, method, target.Arn, target.Name, "no-boundary", static set => set with { PermissionBoundary = null }, become),
                EscalationTargetKind.ReplaceBoundary => Boundary(target) is not null
                    && Grant(p, t, method, target.Arn, target.Name, "open-boundary", static set => set with { PermissionBoundary = AllowAllBoundary }, become),
                EscalationTargetKind.NewPrincipal => p == t && NewPrincipal(p, method),
                _ => false,
            };
            if (found)
                return true;
        }

        return false;
    }

    private bool Grant(int p, int t, EscalationMethod method, string resource, string resourceName, string change, Func<PolicySet, PolicySet> apply, ImmutableArray<PathStep>? become)
    {
        var steps = Steps(p, method, resource, t, "full control of the account");
        if (steps.IsDefault)
            return false;
        var gain = Gain(t, change, apply);
        if (gain is null)
            return false;
        var target = _principals[t];
        var summary = Describe(method, resourceName);
        var facts = Facts(method);
        if (become is { } then)
        {
            summary += $", then act as {Kind(target)} {target.Name}";
            steps = [.. steps.Select(step => step with { Gains = "needed to " + summary }), .. then];
        }

        facts = facts.Add($"after the change, {Kind(target)} {target.Name} may do everything: the evaluator allows it an action no policy names, on any resource");
        AddEdge(p, FullControl, method, summary, steps, facts, gain);
        return true;
    }

    private bool NewPrincipal(int p, EscalationMethod method)
    {
        var steps = Steps(p, method, null, null, "full control of the account");
        if (steps.IsDefault)
            return false;
        var scps = _access.PoliciesOf(_principals[p].Arn);
        var gain = Gain(p, "new", set => new PolicySet { Identity = [AllowAll], ServiceControl = scps.ServiceControl, ResourceControl = scps.ResourceControl });
        if (gain is null)
            return false;
        AddEdge(p, FullControl, method, Describe(method, ""), steps, Facts(method).Add("a principal with every permission and no boundary may do everything the organisation's policies allow"), gain);
        return true;
    }

    // SetDefaultPolicyVersion: the other versions are not in the export, so it is reported but not followed.
    private void SwitchVersions(int p)
    {
        var method = EscalationMethods.Find("iam-escalation-set-default-policy-version")!;
        if (!_mask.Has(_masks[p], method))
            return;
        var principal = _principals[p];
        foreach (var policy in CustomerPolicies(principal))
        {
            if (policy.DefaultVersionId is "" or "v1")
                continue;
            var steps = Steps(p, method, policy.Arn, null, "the permissions of another version of the policy");
            if (steps.IsDefault)
                continue;
            _extraFindings.Add(new IamFinding
            {
                CheckId = method.Id,
                Category = RiskCategory.PrivilegeEscalation,
                Severity = Core.Severity.Medium,
                Title = $"{Kind(principal)} {principal.Name} can make another version of policy {policy.Name}, attached to it, the default (its default is {policy.DefaultVersionId}, so others may exist)",
                Principal = principal.Arn,
                Policy = GrantOf(steps[0]).Policy,
                Statement = GrantOf(steps[0]).Statement,
                Proof = new FindingProof([method.Description, method.Assumption!], [.. steps.Select(Proven)], steps),
            });
        }
    }

    // ---- asking ----

    /// <summary>Every action of the method allowed, on the resources it names; default when one is not.</summary>
    private ImmutableArray<PathStep> Steps(int p, EscalationMethod method, string? target, int? targetIndex, string gains)
    {
        var steps = ImmutableArray.CreateBuilder<PathStep>(method.Actions.Length);
        foreach (var action in method.Actions)
        {
            PathStep? step;
            if (action.Resource == "{target}")
            {
                var tagged = targetIndex is { } index && _principals[index].Arn == target ? targetIndex : null;
                var answer = Ask(p, action.Action, target!, Context(action.Action, tagged, method.ServicePrincipal));
                step = answer is null ? null : new PathStep(_principals[p].Arn, action.Action, target!, gains, answer);
            }
            else
            {
                step = ServiceStep(p, action, gains);
            }

            if (step is null)
                return default;
            steps.Add(step);
        }

        return steps.MoveToImmutable();
    }

    private ImmutableArray<PathStep> ServiceSteps(int p, EscalationMethod method, ImmutableArray<MethodAction> actions)
    {
        var steps = ImmutableArray.CreateBuilder<PathStep>(actions.Length);
        foreach (var action in actions)
        {
            if (ServiceStep(p, action, "") is not { } step)
                return default;
            steps.Add(step);
        }

        return steps.MoveToImmutable();
    }

    // A resource the principal names itself: the probe name, else a name its own Allow statements give.
    private PathStep? ServiceStep(int p, MethodAction action, string gains)
    {
        var probe = Fill(action.Resource);
        var context = Context(action.Action, null, null);
        foreach (var resource in ResourceCandidates.For(_access.PoliciesOf(_principals[p].Arn), action.Action, probe, _candidates))
        {
            if (Ask(p, action.Action, resource, context) is { } answer)
                return new PathStep(_principals[p].Arn, action.Action, resource, gains, answer);
        }

        return null;
    }

    private OpenEvaluationResult? Ask(int p, string action, string resource, (ImmutableDictionary<string, ImmutableArray<string>> Context, Func<string, bool> Absent) context, Func<PolicySet, PolicySet>? change = null)
    {
        // Only a role's trust policy can allow what no identity policy does; elsewhere, no statement naming the resource, no answer.
        if (change is null && !action.Equals("sts:AssumeRole", StringComparison.OrdinalIgnoreCase) && !MayAllowOn(_access.PoliciesOf(_principals[p].Arn), action, resource))
            return null;
        var answer = _access.Ask(_principals[p].Arn, action, resource, context.Context, context.Absent, change);
        if (!answer.Gaps.IsEmpty)
            _gaps.Add(_principals[p].Arn);
        return answer.IsAllowed ? answer.Result : null;
    }

    /// <summary>What is known of a request beyond the caller: the target's tags and boundary, the policy attached, the service a role is passed to.</summary>
    private (ImmutableDictionary<string, ImmutableArray<string>> Context, Func<string, bool> Absent) Context(string action, int? target, string? service)
    {
        var key = (action, target ?? -1, service);
        if (!_contexts.TryGetValue(key, out var known))
            _contexts[key] = known = NewContext(action, target, service);
        return known;
    }

    private (ImmutableDictionary<string, ImmutableArray<string>> Context, Func<string, bool> Absent) NewContext(string action, int? target, string? service)
    {
        var context = EmptyContext;
        var boundary = (string?)null;
        var tagged = false;
        if (action.StartsWith("iam:Attach", StringComparison.OrdinalIgnoreCase))
            context = context.SetItem("iam:PolicyARN", [_adminPolicyArn]);
        if (action.Equals("iam:PassRole", StringComparison.OrdinalIgnoreCase) && service is not null)
            context = context.SetItem("iam:PassedToService", [service]);
        if (target is { } t)
        {
            tagged = true;
            var principal = _principals[t];
            foreach (var tag in principal.User?.Tags ?? principal.Role!.Tags)
            {
                context = context.SetItem("aws:ResourceTag/" + tag.Key, [tag.Value]);
                context = context.SetItem("iam:ResourceTag/" + tag.Key, [tag.Value]);
            }

            boundary = principal.User?.PermissionsBoundaryArn ?? principal.Role?.PermissionsBoundaryArn;
        }

        if (action.EndsWith("PermissionsBoundary", StringComparison.OrdinalIgnoreCase) && action.StartsWith("iam:Put", StringComparison.OrdinalIgnoreCase))
            boundary = _adminPolicyArn;
        if (boundary is not null)
            context = context.SetItem("iam:PermissionsBoundary", [boundary]);
        var known = context;
        return (context, key =>
            (key.Equals("iam:PermissionsBoundary", StringComparison.OrdinalIgnoreCase) && !known.ContainsKey(key))
            || (tagged && !known.ContainsKey(key)
                && (key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase) || key.StartsWith("iam:ResourceTag/", StringComparison.OrdinalIgnoreCase))));
    }

    private string Fill(string template) => template
        .Replace("{partition}", _partition, StringComparison.Ordinal)
        .Replace("{region}", ProbeRegion, StringComparison.Ordinal)
        .Replace("{account}", _accountId, StringComparison.Ordinal)
        .Replace("{name}", ProbeName, StringComparison.Ordinal);

    // ---- full control ----

    /// <summary>
    /// Whether the principal (with its policies changed) may do everything: an action no policy names on <c>*</c>, which only
    /// <c>*</c> or a NotAction grants, and IAM's policy-writing actions on any role and user. The first answer is the proof.
    /// </summary>
    private OpenEvaluationResult? AdminAnswer(int p, Func<PolicySet, PolicySet>? change)
    {
        if (change is null && !_mask.Has(_masks[p], "rampartprobe:AnyAction"))
            return null;
        var none = (EmptyContext, (Func<string, bool>)(static key => key.Equals("iam:PermissionsBoundary", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase) || key.StartsWith("iam:ResourceTag/", StringComparison.OrdinalIgnoreCase)));
        var first = Ask(p, "rampartprobe:AnyAction", "*", none, change);
        if (first is null
            || Ask(p, "iam:PutRolePolicy", $"arn:{_partition}:iam::{_accountId}:role/{ProbeName}", none, change) is null
            || Ask(p, "iam:AttachUserPolicy", $"arn:{_partition}:iam::{_accountId}:user/{ProbeName}", (EmptyContext.SetItem("iam:PolicyARN", [_adminPolicyArn]), none.Item2), change) is null)
        {
            return null;
        }

        return first;
    }

    private OpenEvaluationResult? Gain(int t, string change, Func<PolicySet, PolicySet> apply)
    {
        if (!_gains.TryGetValue((t, change), out var gain))
            _gains[(t, change)] = gain = AdminAnswer(t, apply);
        return gain;
    }

    private static PolicySet Replace(PolicySet set, string policyArn)
    {
        var name = "managed policy " + policyArn;
        var identity = set.Identity.RemoveAll(policy => policy.Document.Origin == name);
        var boundary = set.PermissionBoundary?.Document.Origin == "permissions boundary " + policyArn ? AllowAllBoundary : set.PermissionBoundary;
        return set with { Identity = identity.Length == set.Identity.Length ? identity : identity.Add(AllowAll), PermissionBoundary = boundary };
    }

    // ---- the account ----

    private TrustIndex Trust => _trust ??= new TrustIndex(_access, _principals, _index, _accountId);

    private List<(int Role, OpenEvaluationResult Trust)> ServiceRoles(string service, bool profile)
    {
        if (_serviceRoles.TryGetValue((service, profile), out var roles))
            return roles;
        roles = [];
        for (var t = 0; t < _principals.Length; t++)
        {
            if (_principals[t].Role is not { } role || role.IsServiceLinked || (profile && role.InstanceProfiles.IsDefaultOrEmpty))
                continue;
            if (_access.TrustPolicyOf(role.Arn) is not { } trust || !TrustIndex.MayName(trust, service))
                continue;
            var request = new AuthorizationRequest
            {
                Principal = service,
                Action = "sts:AssumeRole",
                Resource = role.Arn,
                ResourceAccount = _accountId,
                Context = EmptyContext.SetItem("aws:SourceAccount", [_accountId]),
            };
            var answer = PolicyEvaluator.EvaluateOpen(request, new PolicySet { Resource = trust });
            if (answer.Decision == Decision.Allowed)
                roles.Add((t, answer));
        }

        _serviceRoles[(service, profile)] = roles;
        return roles;
    }

    private PathStep TrustStep(string service, int t, OpenEvaluationResult trust) =>
        new(service, "sts:AssumeRole", _principals[t].Arn, "code running with the permissions of " + Kind(_principals[t]) + " " + _principals[t].Name, trust);

    private int Virtual(EscalationMethod method, List<(int Role, OpenEvaluationResult Trust)> roles)
    {
        if (_virtual.TryGetValue(method.Id, out var node))
            return node;
        node = _nodes.Count;
        _virtual[method.Id] = node;
        _nodes.Add(new Node("existing:" + method.Id, "existing resources of " + method.ServicePrincipal, EscalationNodeKind.ServiceResources));
        foreach (var (t, trust) in roles)
            AddEdge(node, t, method, Describe(method, _principals[t].Name), [TrustStep(method.ServicePrincipal!, t, trust)], []);
        return node;
    }

    private IEnumerable<IamGroup> Groups(AccessPrincipal target) =>
        target.User is { } user ? user.Groups.Select(_account.FindGroup).OfType<IamGroup>() : [];

    private IEnumerable<ManagedPolicy> CustomerPolicies(AccessPrincipal target)
    {
        var effective = target.User is { } user ? _account.EffectivePolicies(user) : _account.EffectivePolicies(target.Role!);
        var arns = effective.Identity.Select(static applied => applied.PolicyArn).Append(effective.PermissionsBoundary?.PolicyArn);
        return arns.OfType<string>().Distinct(StringComparer.Ordinal).Select(_account.FindPolicy).OfType<ManagedPolicy>().Where(static policy => !policy.IsAwsManaged);
    }

    private static string? Boundary(AccessPrincipal target) => target.User?.PermissionsBoundaryArn ?? target.Role?.PermissionsBoundaryArn;

    private ImmutableArray<CompiledPolicy> GroupPolicies(IamGroup group)
    {
        if (_groupPolicies.TryGetValue(group.Name, out var policies))
            return policies;
        var builder = ImmutableArray.CreateBuilder<CompiledPolicy>();
        foreach (var inline in group.InlinePolicies)
        {
            if (Compile(inline.Document.Json, $"inline policy {inline.Name} of group {group.Name}", PolicyKind.Identity) is { } compiled)
                builder.Add(compiled);
        }

        foreach (var attached in group.AttachedPolicies)
        {
            if (_account.FindPolicy(attached.Arn) is { } policy && Compile(policy.DefaultDocument.Json, $"managed policy {policy.Arn}", PolicyKind.Identity) is { } compiled)
                builder.Add(compiled);
        }

        return _groupPolicies[group.Name] = builder.ToImmutable();
    }

    private static CompiledPolicy? Compile(string json, string origin, PolicyKind kind) =>
        PolicyDocument.Parse(json, origin, kind, NullDiagnosticSink.Instance) is { } document ? CompiledPolicy.Compile(document) : null;


    // ---- prefilter: which catalogue actions any identity statement allows, ignoring resources and conditions ----

    private ulong Mask(PolicySet set)
    {
        ulong mask = 0;
        for (var bit = 0; bit < _mask.Actions.Length; bit++)
        {
            if (MayAllow(set, _mask.Actions[bit]))
                mask |= 1UL << bit;
        }

        return mask;
    }

    private bool MayAllow(PolicySet set, string action)
    {
        if (set.PermissionBoundary is { } boundary && !Names(boundary, action))
            return false;
        foreach (var policy in set.Identity)
        {
            if (Names(policy, action))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The roles some iam:PassRole statement of the principal names (whatever its conditions), or null when one names them
    /// all; patterns are matched against the account's roles once for all principals that share them.
    /// </summary>
    private bool[]? PassableRoles(int p)
    {
        var set = _access.PoliciesOf(_principals[p].Arn);
        var patterns = new List<string>();
        foreach (var policy in set.Identity)
        {
            policy.Candidates("iam:PassRole", _candidates);
            foreach (var statement in _candidates)
            {
                if (statement.Effect != PolicyEffect.Allow || !statement.MatchesAction("iam:PassRole"))
                    continue;
                if (!statement.Statement.HasResource || statement.Statement.IsNotResource)
                    return null;
                foreach (var pattern in statement.Statement.Resources)
                {
                    if (pattern == "*" || pattern.Contains("${", StringComparison.Ordinal))
                        return null;
                    patterns.Add(pattern);
                }
            }
        }

        var passable = new bool[_principals.Length];
        foreach (var pattern in patterns)
        {
            if (!_rolesMatching.TryGetValue(pattern, out var roles))
            {
                var compiled = Wildcard.FromPolicy(pattern);
                _rolesMatching[pattern] = roles = [.. Enumerable.Range(0, _principals.Length)
                    .Where(t => _principals[t].Kind == AccessPrincipalKind.Role && ArnPattern.Matches(compiled, _principals[t].Arn))];
            }

            foreach (var t in roles)
                passable[t] = true;
        }

        return passable;
    }

    // Conservative: false only when no Allow statement naming the action could cover the resource, whatever the conditions.
    private bool MayAllowOn(PolicySet set, string action, string resource)
    {
        if (set.PermissionBoundary is { } boundary && !Covers(boundary, action, resource))
            return false;
        foreach (var policy in set.Identity)
        {
            if (Covers(policy, action, resource))
                return true;
        }

        return false;
    }

    private bool Covers(CompiledPolicy policy, string action, string resource)
    {
        policy.Candidates(action, _candidates);
        foreach (var statement in _candidates)
        {
            if (statement.Effect != PolicyEffect.Allow || !statement.MatchesAction(action))
                continue;
            var source = statement.Statement;
            if (!source.HasResource || source.IsNotResource)
                return true;
            foreach (var pattern in source.Resources)
            {
                if (pattern.Contains("${", StringComparison.Ordinal) || ArnPattern.Matches(Wildcard.FromPolicy(pattern), resource))
                    return true;
            }
        }

        return false;
    }

    private bool Names(CompiledPolicy policy, string action)
    {
        policy.Candidates(action, _candidates);
        foreach (var statement in _candidates)
        {
            if (statement.Effect == PolicyEffect.Allow && statement.MatchesAction(action))
                return true;
        }

        return false;
    }

    // ---- the graph ----

    private void AddEdge(int from, int to, EscalationMethod method, string summary, ImmutableArray<PathStep> steps, ImmutableArray<string> facts, OpenEvaluationResult? gain = null)
    {
        var last = steps[^1];
        var gains = to == FullControl ? "full control of the account"
            : to < _principals.Length ? $"the permissions of {Kind(_principals[to])} {_principals[to].Name}"
            : "code running in an existing resource, as its role";
        steps = steps.SetItem(steps.Length - 1, last with { Gains = gains });
        _edges.Add(new Edge(from, to, method, summary, steps, facts, gain));
    }

    private (int[] Distance, int[] Next) ShortestPaths()
    {
        var count = _nodes.Count;
        var incoming = new List<int>[count];
        for (var e = 0; e < _edges.Count; e++)
            (incoming[_edges[e].To] ??= []).Add(e);
        var distance = new int[count];
        var next = new int[count];
        Array.Fill(distance, int.MaxValue);
        Array.Fill(next, -1);
        var queue = new LinkedList<int>();
        for (var i = 0; i < _principals.Length; i++)
        {
            if (_admin[i] is not null)
            {
                distance[i] = 0;
                queue.AddLast(i);
            }
        }

        distance[FullControl] = 0;
        queue.AddLast(FullControl);

        // Breadth first from full control backwards; an edge out of existing resources to a role costs nothing, since the
        // step into those resources already counted.
        while (queue.First is { } first)
        {
            var node = first.Value;
            queue.RemoveFirst();
            foreach (var e in incoming[node] ?? [])
            {
                var edge = _edges[e];
                var weight = edge.From >= _principals.Length && edge.From != FullControl ? 0 : 1;
                if (distance[node] + weight == distance[edge.From] && Doubt(edge) < Doubt(_edges[next[edge.From]]))
                    next[edge.From] = e;
                if (distance[node] + weight >= distance[edge.From])
                    continue;
                distance[edge.From] = distance[node] + weight;
                next[edge.From] = e;
                if (weight == 0)
                    queue.AddFirst(edge.From);
                else
                    queue.AddLast(edge.From);
            }
        }

        return (distance, next);
    }

    // Between paths of the same length, one proven outright beats one resting on assumptions or open conditions.
    private static int Doubt(Edge edge) =>
        (edge.Method.Assumption is null ? 0 : 2) + (edge.Steps.Any(static step => step.Evaluation is { IsConditional: true }) ? 1 : 0);

    // The path's hops, an edge into existing resources merged with the edge out of them to the role.
    private List<Edge> Hops(int start, int[] next)
    {
        var hops = new List<Edge>();
        for (var node = start; next[node] >= 0;)
        {
            var edge = _edges[next[node]];
            if (edge.To >= _principals.Length && edge.To != FullControl)
            {
                var onward = _edges[next[edge.To]];
                var role = _principals[onward.To];
                edge = edge with
                {
                    To = onward.To,
                    Summary = Describe(edge.Method, role.Name),
                    Steps = [.. edge.Steps.Select(step => step with { Gains = "needed to " + Describe(edge.Method, role.Name) }), .. onward.Steps],
                };
            }

            hops.Add(edge);
            node = edge.To;
        }

        return hops;
    }

    private IamFinding Finding(int p, List<Edge> hops)
    {
        var principal = _principals[p];
        var end = hops[^1].To;
        var steps = hops.SelectMany(static hop => hop.Steps).ToImmutableArray();
        var evaluations = steps.Select(Proven).ToList();
        var facts = new List<string>();
        foreach (var hop in hops)
        {
            facts.Add(hop.Method.Description);
            facts.AddRange(hop.Facts);
        }

        string ending;
        if (end == FullControl)
        {
            ending = "";
        }
        else
        {
            var admin = _principals[end];
            ending = $" ({Kind(admin)} {admin.Name} may do everything)";
            facts.Add($"{Kind(admin)} {admin.Name} may do everything: the evaluator allows it an action no policy names, on any resource, and IAM's policy-writing actions on any role and user");
            evaluations.Add(new ProvenDecision(admin.Arn, "rampartprobe:AnyAction", "*", _admin[end]!));
        }

        var assumed = hops.Any(static hop => hop.Method.Assumption is not null);
        var conditional = steps.Any(static step => step.Evaluation is { IsConditional: true });
        if (conditional)
            facts.Add("some steps are allowed only under conditions the export cannot decide; each step's evaluation lists them");
        var grant = GrantOf(steps[0]);
        return new IamFinding
        {
            CheckId = hops.Count == 1 ? hops[0].Method.Id : EscalationMethods.PathId,
            Category = RiskCategory.PrivilegeEscalation,
            Severity = conditional || assumed ? Core.Severity.Medium : Core.Severity.High,
            Title = $"{Kind(principal)} {principal.Name} can gain full control of the account in {Count(hops.Count)}: {string.Join(", then ", hops.Select(static hop => hop.Summary))}{ending}",
            Principal = principal.Arn,
            Policy = grant.Policy,
            Statement = grant.Statement,
            Proof = new FindingProof([.. facts.Distinct(StringComparer.Ordinal)], [.. evaluations], steps),
        };
    }

    private static string Count(int hops) => hops == 1 ? "one step" : $"{hops} steps";

    private static ProvenDecision Proven(PathStep step) => new(step.Principal, step.Action, step.Resource, step.Evaluation!);

    private static (string? Policy, string? Statement) GrantOf(PathStep step)
    {
        foreach (var layer in step.Evaluation!.Trace.Layers)
        {
            if (layer.Layer is not ("identityPolicies" or "resourcePolicy"))
                continue;
            foreach (var statement in layer.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow)
                    return (statement.Policy, statement.Statement);
            }
        }

        return (null, null);
    }

    private ImmutableArray<AnalysisNote> Notes()
    {
        var notes = ImmutableArray.CreateBuilder<AnalysisNote>();
        if (_usedExisting)
        {
            notes.Add(new AnalysisNote("privilege-escalation",
                "the authorization details do not list Lambda functions, EC2 instances, CodeBuild projects or other resources that run as roles: methods acting on existing resources take every role the service may assume as one an existing resource runs as"));
        }

        if (_gaps.Count > 0)
        {
            notes.Add(new AnalysisNote("privilege-escalation",
                $"{_gaps.Count} principals' answers have gaps (policies or groups missing from the export, or with errors): escalation through them may be missed or wrong"));
        }

        return notes.ToImmutable();
    }

    private EscalationEdge ToPublic(Edge edge) =>
        new(_nodes[edge.From].Id, _nodes[edge.To].Id, edge.Method.Id, edge.Summary, edge.Steps, edge.Facts);

    private static string Describe(EscalationMethod method, string target) => string.Format(null, method.Step, target);

    private static string Kind(AccessPrincipal principal) => principal.Kind == AccessPrincipalKind.User ? "user" : "role";

    private static ImmutableArray<string> Facts(EscalationMethod method) => method.Assumption is { } assumption ? [assumption] : [];

    private string Gains(int t) => $"the permissions of {Kind(_principals[t])} {_principals[t].Name}";

    private sealed record Node(string Id, string Name, EscalationNodeKind Kind)
    {
        public bool Admin { get; init; }
    }

    private sealed record Edge(int From, int To, EscalationMethod Method, string Summary, ImmutableArray<PathStep> Steps, ImmutableArray<string> Facts, OpenEvaluationResult? Gain);
}
