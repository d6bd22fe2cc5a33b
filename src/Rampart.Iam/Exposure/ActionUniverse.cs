using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Iam.Catalog;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Exposure;

/// <summary>
/// The actions the permission-risk analysis asks about, each with its categories and the resource it is asked on: every
/// Write and Permissions-management action of the catalog and the curated lists of <see cref="RiskActions"/>. Indexes
/// are positions in the bit sets of <see cref="StatementBits"/>.
/// </summary>
internal sealed partial class ActionUniverse
{
    /// <summary>The name the probe resources carry: no policy names a resource so.</summary>
    public const string ProbeName = "rampart-probe-resource";

    /// <summary>The region the probe resources carry, so that a statement limited to regions is limited.</summary>
    public const string ProbeRegion = "rampart-probe-region";

    private readonly FrozenDictionary<string, int> _index;
    private readonly FrozenDictionary<string, int[]> _byService;

    public ActionUniverse(IamCatalog catalog, string account)
    {
        Account = account;
        Caller = $"arn:aws:iam::{account}:user/rampart-probe-caller";
        var severity = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        var masks = new Dictionary<string, RiskMask>(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, IamAction>(StringComparer.OrdinalIgnoreCase);
        void Add(IamAction action, RiskMask mask)
        {
            var name = action.FullName;
            if (RiskActions.RoleTrust.Contains(name))
                return;
            found.TryAdd(name, action);
            masks[name] = masks.GetValueOrDefault(name) | mask;
        }

        void AddNamed(string name, RiskMask mask)
        {
            if (catalog.TryGetAction(name, out var action))
                Add(action, mask);
        }

        foreach (var service in catalog.Services)
        {
            foreach (var action in service.Actions)
            {
                if (action.AccessLevel is IamAccessLevel.Write or IamAccessLevel.PermissionsManagement && !RiskActions.OnlyReads(action))
                    Add(action, RiskMask.InfrastructureModification);
                if (RiskActions.IsResourceExposure(action))
                    Add(action, RiskMask.ResourceExposure);
            }
        }

        foreach (var (name, level, _) in RiskActions.Credentials)
        {
            AddNamed(name, RiskMask.CredentialsExposure);
            severity[name] = level;
        }

        foreach (var (name, level, _) in RiskActions.DataExfiltration)
        {
            AddNamed(name, RiskMask.DataExfiltration);
            severity[name] = level;
        }

        foreach (var name in RiskActions.ResourceExposureExtra)
            AddNamed(name, RiskMask.ResourceExposure);
        foreach (var name in RiskActions.AdminProbes)
            AddNamed(name, RiskMask.AdminProbe);

        // Credential actions are their own category even where the catalog calls them permissions management (rds-db:connect).
        foreach (var (name, _, _) in RiskActions.Credentials)
        {
            if (masks.TryGetValue(name, out var mask))
                masks[name] = mask & ~RiskMask.ResourceExposure;
        }

        var ordered = found.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        Count = ordered.Length;
        Names = ordered;
        Actions = [.. ordered.Select(name => found[name])];
        Masks = [.. ordered.Select(name => masks[name])];
        // One string per service, so that services compare by reference.
        var prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ServiceOf = [.. ordered.Select(name => name[..name.IndexOf(':', StringComparison.Ordinal)]).Select(prefix => prefixes.TryGetValue(prefix, out var same) ? same : prefixes[prefix] = prefix)];
        Severities = [.. ordered.Select(name => severity.GetValueOrDefault(name, Severity.Medium))];
        Resources = [.. Actions.Select(ProbeResource)];
        IsKmsKey = [.. ordered.Select((name, i) => name.StartsWith("kms:", StringComparison.OrdinalIgnoreCase) && Resources[i].Contains(":kms:", StringComparison.Ordinal))];
        Scopes = [.. ordered.Select((name, i) => new RequestScope(new AuthorizationRequest { Principal = Caller, Action = name, Resource = Resources[i], ResourceAccount = account }))];
        _index = ordered.Select((name, i) => KeyValuePair.Create(name, i)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byService = ordered.Select((name, i) => (Service: name[..name.IndexOf(':', StringComparison.Ordinal)], Index: i))
            .GroupBy(pair => pair.Service, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.Index).ToArray(), StringComparer.OrdinalIgnoreCase);
        AdminProbes = [.. RiskActions.AdminProbes.Where(_index.ContainsKey).Select(name => _index[name])];
        Words = (Count + 63) / 64;
    }

    /// <summary>The account the probe resources are in.</summary>
    public string Account { get; }

    /// <summary>The caller statements are matched for: a user of the account no policy names.</summary>
    public string Caller { get; }

    public int Count { get; }

    /// <summary>The number of 64-bit words of a bit set over the actions.</summary>
    public int Words { get; }

    public string[] Names { get; }

    public IamAction[] Actions { get; }

    public RiskMask[] Masks { get; }

    /// <summary>The service prefix of each action.</summary>
    public string[] ServiceOf { get; }

    public Severity[] Severities { get; }

    /// <summary>The resource each action is asked on.</summary>
    public string[] Resources { get; }

    /// <summary>Whether the evaluator reads the request as one on a KMS key, which the key policy must allow.</summary>
    public bool[] IsKmsKey { get; }

    public RequestScope[] Scopes { get; }

    public ImmutableArray<int> AdminProbes { get; }

    public bool TryIndex(string action, out int index) => _index.TryGetValue(action, out index);

    /// <summary>The indexes of the actions of one service, or empty.</summary>
    public int[] OfService(string service) => _byService.GetValueOrDefault(service) ?? [];

    /// <summary>
    /// A resource that no statement limited to some resources covers: of the action's required resource types (else all of
    /// them) the one with the shortest ARN pattern (an S3 object rather than an object through an access point), filled
    /// with the account's id, a region and names no one uses; <c>*</c> for an action that takes no resource.
    /// </summary>
    private string ProbeResource(IamAction action)
    {
        var rows = action.ResourceTypes.Where(static row => row.Required).ToList();
        if (rows.Count == 0)
            rows = [.. action.ResourceTypes];
        var pattern = rows.SelectMany(static row => row.ResourceType.ArnPatterns).OrderBy(static p => p.Length).FirstOrDefault();
        if (pattern is null)
            return "*";
        return Placeholder().Replace(pattern, match => match.Groups[1].Value switch
        {
            "Partition" => "aws",
            "Region" => ProbeRegion,
            "Account" or "AccountId" => Account,
            _ => ProbeName,
        });
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
