using System.Collections.Immutable;

namespace Rampart.Iam.Policies;

/// <summary>
/// The <c>Principal</c> or <c>NotPrincipal</c> of a statement: <c>"*"</c>, or values per type (<c>AWS</c>,
/// <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>).
/// </summary>
/// <param name="IsWildcard">Written as <c>"Principal": "*"</c>: everyone, anonymous included.</param>
/// <param name="Values">Per principal type (as written), its values.</param>
public sealed record PrincipalSet(bool IsWildcard, ImmutableDictionary<string, ImmutableArray<string>> Values)
{
    /// <summary>The values of one type (<c>AWS</c>, <c>Service</c>…), empty when there is none.</summary>
    public ImmutableArray<string> Of(string type) => Values.TryGetValue(type, out var values) ? values : [];
}
