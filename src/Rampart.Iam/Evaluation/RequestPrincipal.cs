namespace Rampart.Iam.Evaluation;

/// <summary>The caller of a request, read from its ARN: its kind, account, and for a role session the role's ARN.</summary>
internal sealed record RequestPrincipal(PrincipalKind Kind, string Arn, string? Account, string? RoleArn, string? Name)
{
    public static RequestPrincipal Parse(string principal, string? principalArnFromContext)
    {
        if (principal is "*" or "anonymous")
            return new RequestPrincipal(PrincipalKind.Anonymous, principal, null, null, null);
        if (!principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return principal.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || principal.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase)
                ? new RequestPrincipal(PrincipalKind.Service, principal, null, null, null)
                : new RequestPrincipal(PrincipalKind.Other, principal, null, null, null);
        }

        var parts = principal.Split(':', 6);
        if (parts.Length < 6)
            return new RequestPrincipal(PrincipalKind.Other, principal, null, null, null);
        var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
        if (service == "iam" && resource == "root")
            return new RequestPrincipal(PrincipalKind.Root, principal, account, null, null);
        if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
            return new RequestPrincipal(PrincipalKind.User, principal, account, null, resource[(resource.LastIndexOf('/') + 1)..]);
        if (service == "iam" && resource.StartsWith("role/", StringComparison.Ordinal))
            return new RequestPrincipal(PrincipalKind.RoleSession, principal, account, principal, resource[(resource.LastIndexOf('/') + 1)..]);
        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            // The session ARN drops the role's path: aws:PrincipalArn, when given, has it.
            var pieces = resource.Split('/');
            var role = principalArnFromContext is { } given && given.Contains(":role/", StringComparison.Ordinal)
                ? given
                : $"arn:{partition}:iam::{account}:role/{pieces[1]}";
            return new RequestPrincipal(PrincipalKind.RoleSession, principal, account, role, pieces.Length > 2 ? pieces[2] : null);
        }

        if (service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal))
            return new RequestPrincipal(PrincipalKind.FederatedUser, principal, account, null, resource["federated-user/".Length..]);
        return new RequestPrincipal(PrincipalKind.Other, principal, account, null, null);
    }

    /// <summary>The ARN identity policies and <c>aws:PrincipalArn</c> see: the role's for a session, else the caller's.</summary>
    public string PrincipalArn => RoleArn ?? Arn;
}
