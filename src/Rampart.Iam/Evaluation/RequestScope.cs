using System.Collections.Immutable;

namespace Rampart.Iam.Evaluation;

/// <summary>A request as the compiled policies see it: its caller read once, and its context with the derived keys added.</summary>
internal sealed class RequestScope
{
    // Callers repeat (one principal asked about many actions): the last one read on this thread is kept.
    [ThreadStatic]
    private static (string Principal, string? GivenArn, RequestPrincipal Parsed, KeyValuePair<string, ImmutableArray<string>>[] Derived)? t_last;

    public RequestScope(AuthorizationRequest request)
    {
        Request = request;
        _context = request.Context.KeyComparer == StringComparer.OrdinalIgnoreCase ? request.Context : request.Context.WithComparers(StringComparer.OrdinalIgnoreCase);
        var given = _context.TryGetValue("aws:PrincipalArn", out var arns) && arns.Length > 0 ? arns[0] : null;
        if (t_last is { } last && ReferenceEquals(last.Principal, request.Principal) && ReferenceEquals(last.GivenArn, given))
        {
            Principal = last.Parsed;
            _derived = last.Derived;
        }
        else
        {
            Principal = RequestPrincipal.Parse(request.Principal, given);
            _derived = Derive(Principal);
            t_last = (request.Principal, given, Principal, _derived);
        }

        ResourceAccount = request.ResourceAccount ?? AccountOf(request.Resource) ?? Principal.Account;
        Action = request.Action;
    }

    // Keys AWS puts in every authenticated request; looked up after the caller's own.
    private static KeyValuePair<string, ImmutableArray<string>>[] Derive(RequestPrincipal principal)
    {
        var derived = new List<KeyValuePair<string, ImmutableArray<string>>>(6);
        void Add(string key, string? value)
        {
            if (value is not null)
                derived.Add(new(key, [value]));
        }

        if (principal.Kind is not PrincipalKind.Anonymous and not PrincipalKind.Service and not PrincipalKind.Other)
        {
            Add("aws:PrincipalArn", principal.PrincipalArn);
            Add("aws:PrincipalAccount", principal.Account);
            Add("aws:PrincipalType", principal.Kind switch
            {
                PrincipalKind.User => "User",
                PrincipalKind.RoleSession => "AssumedRole",
                PrincipalKind.FederatedUser => "FederatedUser",
                _ => "Account",
            });
            if (principal.Kind == PrincipalKind.User)
                Add("aws:username", principal.Name);
        }

        if (principal.Kind == PrincipalKind.Service)
        {
            Add("aws:PrincipalServiceName", principal.Arn);
            Add("aws:PrincipalIsAWSService", "true");
        }

        return [.. derived];
    }

    public AuthorizationRequest Request { get; }

    public RequestPrincipal Principal { get; }

    public string? ResourceAccount { get; }

    public string Action { get; }

    private readonly ImmutableDictionary<string, ImmutableArray<string>> _context;
    private readonly KeyValuePair<string, ImmutableArray<string>>[] _derived;

    /// <summary>The values of a context key (case-insensitive): the caller's, else those the evaluator derives.</summary>
    public bool TryGetValues(string key, out ImmutableArray<string> values)
    {
        if (_context.TryGetValue(key, out values))
            return true;
        foreach (var pair in _derived)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                values = pair.Value;
                return true;
            }
        }

        if (ResourceAccount is not null && string.Equals(key, "aws:ResourceAccount", StringComparison.OrdinalIgnoreCase))
        {
            values = [ResourceAccount];
            return true;
        }

        values = default;
        return false;
    }

    /// <summary>
    /// Set for a question about requests in general (<c>can</c>, <c>who-can</c>) rather than one request: a key without a
    /// value is then unknown, not absent, unless the question knows it to be absent.
    /// </summary>
    public OpenQuestion? Open { get; init; }

    /// <summary>Whether <paramref name="key"/> has no value here and the question leaves it open.</summary>
    public bool IsUnknown(string key) => Open is { } open && !TryGetValues(key, out _) && !open.KnownAbsent(key);

    public bool SameAccount => Principal.Account is null || ResourceAccount is null || Principal.Account == ResourceAccount;

    /// <summary>The single value a policy variable takes from <paramref name="key"/>, or null.</summary>
    public string? Variable(string key) => TryGetValues(key, out var values) && values.Length == 1 ? values[0] : null;

    // The account segment of an ARN (the fifth), when it names one.
    private static string? AccountOf(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
            return null;
        var rest = arn.AsSpan(4);
        for (var skip = 0; skip < 3; skip++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0)
                return null;
            rest = rest[(colon + 1)..];
        }

        var end = rest.IndexOf(':');
        if (end <= 0)
            return null;
        var account = rest[..end];
        return account is "aws" ? null : account.ToString();
    }
}
