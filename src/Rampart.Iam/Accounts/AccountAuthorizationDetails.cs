using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;

namespace Rampart.Iam.Accounts;

/// <summary>
/// An account's IAM users, groups, roles and managed policies, as <c>aws iam get-account-authorization-details</c> reports
/// them, with lookups by name and ARN. Immutable; read one with <see cref="AccountAuthorizationReader"/>.
/// </summary>
public sealed record AccountAuthorizationDetails
{
    private readonly FrozenDictionary<string, ManagedPolicy> _policies;
    private readonly FrozenDictionary<string, IamGroup> _groups;
    private readonly FrozenDictionary<string, IamUser> _users;
    private readonly FrozenDictionary<string, IamRole> _roles;

    /// <summary>Creates the model; where two entries share a name (or a policy ARN) the lookups find the first.</summary>
    /// <param name="accountId">The twelve-digit account id, or null when unknown.</param>
    /// <param name="users">The users.</param>
    /// <param name="groups">The groups.</param>
    /// <param name="roles">The roles.</param>
    /// <param name="policies">The managed policies, customer and AWS managed.</param>
    public AccountAuthorizationDetails(
        string? accountId,
        ImmutableArray<IamUser> users,
        ImmutableArray<IamGroup> groups,
        ImmutableArray<IamRole> roles,
        ImmutableArray<ManagedPolicy> policies)
    {
        AccountId = accountId;
        Users = users.IsDefault ? [] : users;
        Groups = groups.IsDefault ? [] : groups;
        Roles = roles.IsDefault ? [] : roles;
        Policies = policies.IsDefault ? [] : policies;
        _users = Index(Users, user => user.Name);
        _groups = Index(Groups, group => group.Name);
        _roles = Index(Roles, role => role.Name);
        _policies = Index(Policies, policy => policy.Arn);
    }

    /// <summary>An account with nothing in it.</summary>
    public static AccountAuthorizationDetails Empty { get; } = new(null, [], [], [], []);

    /// <summary>
    /// The twelve-digit account id, taken from the ARNs of the users, groups, roles and customer managed policies (the one
    /// most of them name); null when none names one.
    /// </summary>
    public string? AccountId { get; }

    /// <summary>The users, in export order.</summary>
    public ImmutableArray<IamUser> Users { get; }

    /// <summary>The groups, in export order.</summary>
    public ImmutableArray<IamGroup> Groups { get; }

    /// <summary>The roles, in export order.</summary>
    public ImmutableArray<IamRole> Roles { get; }

    /// <summary>The managed policies, customer and AWS managed, in export order.</summary>
    public ImmutableArray<ManagedPolicy> Policies { get; }

    /// <summary>The managed policy with this ARN (compared exactly), or null.</summary>
    public ManagedPolicy? FindPolicy(string arn) => _policies.GetValueOrDefault(Guard.NotNull(arn));

    /// <summary>The group with this name (compared exactly, as the export writes it), or null.</summary>
    public IamGroup? FindGroup(string name) => _groups.GetValueOrDefault(Guard.NotNull(name));

    /// <summary>The user with this name, or null.</summary>
    public IamUser? FindUser(string name) => _users.GetValueOrDefault(Guard.NotNull(name));

    /// <summary>The role with this name, or null.</summary>
    public IamRole? FindRole(string name) => _roles.GetValueOrDefault(Guard.NotNull(name));

    /// <summary>
    /// Every identity policy that applies to <paramref name="user"/>: its inline and attached managed policies, and the inline
    /// and attached managed policies of each of its groups; and its permissions boundary. Policies and groups the export
    /// lacks are listed in <see cref="PrincipalPolicies.MissingPolicyArns"/> and <see cref="PrincipalPolicies.UnknownGroups"/>.
    /// </summary>
    public PrincipalPolicies EffectivePolicies(IamUser user)
    {
        Guard.NotNull(user);
        var collector = new Collector(this);
        collector.Add(user.InlinePolicies, user.AttachedPolicies, null);
        var unknownGroups = ImmutableArray.CreateBuilder<string>();
        foreach (var name in user.Groups)
        {
            if (FindGroup(name) is { } group)
                collector.Add(group.InlinePolicies, group.AttachedPolicies, group.Name);
            else if (!unknownGroups.Contains(name))
                unknownGroups.Add(name);
        }

        return collector.Finish(user.Arn, user.PermissionsBoundaryArn, unknownGroups.ToImmutable());
    }

    /// <summary>
    /// Every identity policy that applies to <paramref name="role"/>: its inline and attached managed policies; and its
    /// permissions boundary. The trust policy is not among them: it is <see cref="IamRole.AssumeRolePolicy"/>.
    /// </summary>
    public PrincipalPolicies EffectivePolicies(IamRole role)
    {
        Guard.NotNull(role);
        var collector = new Collector(this);
        collector.Add(role.InlinePolicies, role.AttachedPolicies, null);
        return collector.Finish(role.Arn, role.PermissionsBoundaryArn, []);
    }

    private static FrozenDictionary<string, T> Index<T>(ImmutableArray<T> items, Func<T, string> key)
    {
        var index = new Dictionary<string, T>(items.Length, StringComparer.Ordinal);
        foreach (var item in items)
            index.TryAdd(key(item), item);
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class Collector(AccountAuthorizationDetails account)
    {
        private readonly ImmutableArray<AppliedPolicy>.Builder _identity = ImmutableArray.CreateBuilder<AppliedPolicy>();
        private readonly List<string> _missing = [];

        public void Add(ImmutableArray<InlinePolicy> inline, ImmutableArray<AttachedPolicy> attached, string? group)
        {
            foreach (var policy in inline)
                _identity.Add(new AppliedPolicy(group is null ? PolicyAttachment.Inline : PolicyAttachment.GroupInline, policy.Name, null, group, policy.Document));
            foreach (var attachment in attached)
            {
                if (account.FindPolicy(attachment.Arn) is { } policy)
                    _identity.Add(new AppliedPolicy(group is null ? PolicyAttachment.Managed : PolicyAttachment.GroupManaged, policy.Name, policy.Arn, group, policy.DefaultDocument));
                else
                    Missing(attachment.Arn);
            }
        }

        public PrincipalPolicies Finish(string arn, string? boundaryArn, ImmutableArray<string> unknownGroups)
        {
            AppliedPolicy? boundary = null;
            if (boundaryArn is not null)
            {
                if (account.FindPolicy(boundaryArn) is { } policy)
                    boundary = new AppliedPolicy(PolicyAttachment.PermissionsBoundary, policy.Name, policy.Arn, null, policy.DefaultDocument);
                else
                    Missing(boundaryArn);
            }

            return new PrincipalPolicies(arn, _identity.DrainToImmutable(), boundary, [.. _missing], unknownGroups);
        }

        private void Missing(string arn)
        {
            if (!_missing.Contains(arn))
                _missing.Add(arn);
        }
    }
}
