using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>Reads a <c>Principal</c> element against the caller.</summary>
internal static class PrincipalMatcher
{
    public static PrincipalMatch Match(PrincipalSet set, RequestPrincipal principal)
    {
        if (set.IsWildcard)
            return PrincipalMatch.Direct;
        var best = PrincipalMatch.None;
        foreach (var name in set.Of("AWS"))
        {
            var match = MatchAws(name, principal);
            if (match > best)
                best = match;
        }

        if (principal.Kind == PrincipalKind.Service)
        {
            foreach (var name in set.Of("Service"))
            {
                if (string.Equals(name, principal.Arn, StringComparison.OrdinalIgnoreCase))
                    return PrincipalMatch.Direct;
            }
        }

        if (principal.Kind == PrincipalKind.Other)
        {
            foreach (var name in set.Of("Federated").AddRange(set.Of("CanonicalUser")))
            {
                if (string.Equals(name, principal.Arn, StringComparison.Ordinal))
                    return PrincipalMatch.Direct;
            }
        }

        return best;
    }

    private static PrincipalMatch MatchAws(string name, RequestPrincipal principal)
    {
        // {"AWS": "*"} is everyone, as "*" is.
        if (name == "*")
            return PrincipalMatch.Direct;
        if (principal.Account is null)
            return PrincipalMatch.None;
        if (PolicyParser.IsAccountId(name))
            return name == principal.Account ? AccountOrRoot(principal) : PrincipalMatch.None;
        if (name.EndsWith(":root", StringComparison.Ordinal) && name.StartsWith("arn:", StringComparison.Ordinal))
            return name.Split(':') is { Length: 6 } parts && parts[4] == principal.Account ? AccountOrRoot(principal) : PrincipalMatch.None;
        // A role's ARN names its sessions through the role; a session's own ARN names it directly.
        if (principal.Kind == PrincipalKind.RoleSession && string.Equals(name, principal.RoleArn, StringComparison.Ordinal))
            return PrincipalMatch.Role;
        return string.Equals(name, principal.Arn, StringComparison.Ordinal) ? PrincipalMatch.Direct : PrincipalMatch.None;
    }

    // The root user is the account itself: naming the account names it directly.
    private static PrincipalMatch AccountOrRoot(RequestPrincipal principal) =>
        principal.Kind == PrincipalKind.Root ? PrincipalMatch.Direct : PrincipalMatch.Account;
}
