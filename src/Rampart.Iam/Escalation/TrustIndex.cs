using Rampart.Iam.Access;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Escalation;

/// <summary>
/// Which principals each role's trust policy could let assume it, read once from the trust policies: those it names by ARN,
/// everyone when it names <c>*</c>, and, when it names the account, those whose identity policies name
/// <c>sts:AssumeRole</c>. Only these pairs are asked about.
/// </summary>
internal sealed class TrustIndex
{
    private readonly List<int>[] _named;
    private readonly List<int> _account = [];
    private readonly List<int> _everyone = [];

    public TrustIndex(AccountAccess access, AccessPrincipal[] principals, Dictionary<string, int> index, string accountId)
    {
        _named = new List<int>[principals.Length];
        for (var t = 0; t < principals.Length; t++)
        {
            if (principals[t].Role is not { } role || access.TrustPolicyOf(role.Arn) is not { } trust)
                continue;
            bool account = false, everyone = false;
            foreach (var statement in trust.Statements)
            {
                if (statement.Effect != PolicyEffect.Allow || !statement.MatchesAction("sts:AssumeRole") || statement.Statement.Principal is not { } set)
                    continue;
                if (statement.Statement.IsNotPrincipal || set.IsWildcard)
                {
                    everyone = true;
                    continue;
                }

                foreach (var name in set.Of("AWS"))
                {
                    if (name == "*")
                        everyone = true;
                    else if (name == accountId || (name.StartsWith("arn:", StringComparison.Ordinal) && name.EndsWith(":" + accountId + ":root", StringComparison.Ordinal)))
                        account = true;
                    else if (index.TryGetValue(name, out var p) && p != t)
                        (_named[p] ??= []).Add(t);
                }
            }

            if (everyone)
                _everyone.Add(t);
            else if (account)
                _account.Add(t);
        }
    }

    /// <summary>Whether a trust policy might let <paramref name="service"/> assume the role (it names it, or everyone).</summary>
    public static bool MayName(CompiledPolicy trust, string service)
    {
        foreach (var statement in trust.Statements)
        {
            if (statement.Effect != PolicyEffect.Allow || statement.Statement.Principal is not { } set)
                continue;
            if (statement.Statement.IsNotPrincipal || set.IsWildcard || set.Of("Service").Contains(service, StringComparer.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>Whether role <paramref name="t"/>'s trust policy names <paramref name="p"/> itself or everyone.</summary>
    public bool Admits(int p, int t) => _everyone.Contains(t) || (_named[p]?.Contains(t) ?? false);

    /// <summary>The roles <paramref name="p"/> might assume, in export order.</summary>
    /// <param name="p">The principal.</param>
    /// <param name="namesAssumeRole">Whether its identity policies name <c>sts:AssumeRole</c> at all.</param>
    public IEnumerable<int> Candidates(int p, bool namesAssumeRole)
    {
        var roles = new SortedSet<int>(_everyone);
        if (_named[p] is { } named)
            roles.UnionWith(named);
        if (namesAssumeRole)
            roles.UnionWith(_account);
        roles.Remove(p);
        return roles;
    }
}
