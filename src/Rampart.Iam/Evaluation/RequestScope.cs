using System.Collections.Immutable;

namespace Rampart.Iam.Evaluation;

/// <summary>A request as the compiled policies see it: its caller read once, and its context with the derived keys added.</summary>
internal sealed class RequestScope
{
    public RequestScope(AuthorizationRequest request)
    {
        Request = request;
        var context = request.Context.WithComparers(StringComparer.OrdinalIgnoreCase);
        Principal = RequestPrincipal.Parse(request.Principal, context.TryGetValue("aws:PrincipalArn", out var given) && given.Length > 0 ? given[0] : null);
        ResourceAccount = request.ResourceAccount ?? AccountOf(request.Resource) ?? Principal.Account;

        // Keys AWS puts in every authenticated request, unless the caller gave them.
        var derived = context.ToBuilder();
        void Add(string key, string? value)
        {
            if (value is not null && !derived.ContainsKey(key))
                derived[key] = [value];
        }

        if (Principal.Kind is not PrincipalKind.Anonymous and not PrincipalKind.Service and not PrincipalKind.Other)
        {
            Add("aws:PrincipalArn", Principal.PrincipalArn);
            Add("aws:PrincipalAccount", Principal.Account);
            Add("aws:PrincipalType", Principal.Kind switch
            {
                PrincipalKind.User => "User",
                PrincipalKind.RoleSession => "AssumedRole",
                PrincipalKind.FederatedUser => "FederatedUser",
                _ => "Account",
            });
            if (Principal.Kind == PrincipalKind.User)
                Add("aws:username", Principal.Name);
        }

        if (Principal.Kind == PrincipalKind.Service)
        {
            Add("aws:PrincipalServiceName", Principal.Arn);
            Add("aws:PrincipalIsAWSService", "true");
        }

        Add("aws:ResourceAccount", ResourceAccount);
        Context = derived.ToImmutable();
        Action = request.Action;
    }

    public AuthorizationRequest Request { get; }

    public RequestPrincipal Principal { get; }

    public string? ResourceAccount { get; }

    public string Action { get; }

    public ImmutableDictionary<string, ImmutableArray<string>> Context { get; }

    public bool SameAccount => Principal.Account is null || ResourceAccount is null || Principal.Account == ResourceAccount;

    /// <summary>The single value a policy variable takes from <paramref name="key"/>, or null.</summary>
    public string? Variable(string key) => Context.TryGetValue(key, out var values) && values.Length == 1 ? values[0] : null;

    private static string? AccountOf(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
            return null;
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[4].Length > 0 && parts[4] != "aws" ? parts[4] : null;
    }
}
