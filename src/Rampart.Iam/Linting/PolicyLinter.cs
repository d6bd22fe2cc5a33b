using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Catalog;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Linting;

/// <summary>
/// Finds what makes a valid policy do something other than its author meant: actions and condition keys AWS does
/// not have, operators of the wrong type, set operators that hold when a key is absent, resources no action of the
/// statement can match. Every finding is a <see cref="DiagnosticSeverity.Warning"/> with a code from the second block
/// of <see cref="PolicyDiagnostics"/> (<c>IAM101</c>…) and the JSON path of the element it is about, but for
/// <see cref="PolicyDiagnostics.ResourceServiceNotDocumented"/>, a note.
/// </summary>
/// <remarks>
/// The linter reads a document the parser accepted; errors are the parser's. It decides with the
/// <see cref="IamCatalog"/> it is given and stays silent where the catalog cannot decide (a statement with
/// <c>NotAction</c> or an action of an unknown service says nothing about which condition keys it supports).
/// A linter is immutable and safe to use from any number of threads.
/// </remarks>
public sealed class PolicyLinter
{
    private const int ActionsNamed = 3;

    private static readonly Lazy<PolicyLinter> Embedded = new(() => new PolicyLinter(IamCatalog.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // AWS renamed CodeStar Connections to CodeConnections; its actions take ARNs with either prefix.
    private static readonly FrozenDictionary<string, string> RenamedArnServices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["codestar-connections"] = "codeconnections",
        ["codeconnections"] = "codestar-connections",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly IamCatalog _catalog;
    private readonly Lazy<ImmutableArray<string>> _allConditionKeyNames;
    private readonly Lazy<FrozenSet<IamConditionKey>> _attachedKeys;
    private readonly Lazy<FrozenDictionary<string, FrozenSet<string>?>> _arnServices;
    private readonly Lazy<FrozenSet<string>> _allArnServices;

    /// <summary>Creates a linter that decides with <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The actions and condition keys AWS has.</param>
    public PolicyLinter(IamCatalog catalog)
    {
        _catalog = Guard.NotNull(catalog);
        _allConditionKeyNames = new(() =>
        [
            .. catalog.GlobalConditionKeys.Select(static k => k.Name)
                .Concat(catalog.Services.SelectMany(static s => s.ConditionKeys).Select(static k => k.Name))
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ]);
        _attachedKeys = new(() => catalog.Services
            .SelectMany(static s => s.Actions)
            .SelectMany(static a => a.ConditionKeys.Concat(a.ResourceTypes.SelectMany(static r => r.ConditionKeys.Concat(r.ResourceType.ConditionKeys))))
            .ToFrozenSet());
        _arnServices = new(() => catalog.Services.ToFrozenDictionary(static s => s.Prefix, ArnServicesOf, StringComparer.OrdinalIgnoreCase));
        _allArnServices = new(() => catalog.Services.Select(static s => s.Prefix)
            .Concat(catalog.Services.SelectMany(static s => s.ResourceTypes).SelectMany(static t => t.ArnPatterns).Select(ArnService).OfType<string>())
            .Concat(RenamedArnServices.Keys)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The linter over <see cref="IamCatalog.Default"/>.</summary>
    public static PolicyLinter Default => Embedded.Value;

    /// <summary>
    /// Reports every warning about <paramref name="document"/> to <paramref name="sink"/>, in document order, each
    /// located as <c>origin:$.Statement[1].Action[2]</c> with the document's <see cref="PolicyDocument.Origin"/>.
    /// </summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sink">Receives the warnings.</param>
    public void Lint(PolicyDocument document, IDiagnosticSink sink)
    {
        Guard.NotNull(document);
        Guard.NotNull(sink);
        // IAM117 is the one note among the linter's findings: the catalog cannot decide it.
        void Warn(string path, string code, string message)
        {
            if (code == PolicyDiagnostics.ResourceServiceNotDocumented)
                PolicyDiagnostics.Info(sink, document.Origin, path, code, message);
            else
                PolicyDiagnostics.Warning(sink, document.Origin, path, code, message);
        }

        if (document.Version is null)
            Warn("$", PolicyDiagnostics.MissingVersion, $"the policy has no Version, so AWS reads it as {PolicyParser.Version2008}, which takes policy variables as literal text; add \"Version\": \"{PolicyParser.Version2012}\"");
        foreach (var statement in document.Statements)
        {
            var scope = CheckActions(statement, Warn);
            CheckResources(document, statement, scope, Warn);
            CheckConditions(document, statement, scope, Warn);
        }
    }

    private StatementScope CheckActions(PolicyStatement statement, Action<string, string, string> warn)
    {
        var scope = new StatementScope { AnyService = statement.IsNotAction };
        var actions = statement.Actions;
        var reported = new HashSet<int>();
        for (var i = 0; i < actions.Length; i++)
        {
            var action = actions[i];
            var path = statement.ActionPath(i);
            if (action == "*")
            {
                scope.AnyService = true;
                continue;
            }

            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var prefix = action[..colon];
            var name = action[(colon + 1)..];
            if (HasWildcard(prefix))
            {
                scope.AnyService = true;
                if (_catalog.MatchActions(action).IsEmpty && reported.Add(i))
                    warn(path, PolicyDiagnostics.PatternMatchesNothing, $"action pattern '{action}' matches no action of any service");
                continue;
            }

            if (!_catalog.TryGetService(prefix, out var service))
            {
                scope.Complete = false;
                reported.Add(i);
                var near = NameSuggestions.Nearest(prefix, _catalog.Services.Select(static s => s.Prefix));
                warn(path, PolicyDiagnostics.UnknownService,
                    $"action '{action}': no documented AWS service has the prefix '{prefix}'{(near is null ? "" : $"; did you mean '{near}:{name}'?")}");
                continue;
            }

            scope.Services.Add(service.Prefix);
            if (HasWildcard(name))
            {
                var matches = _catalog.MatchActions(action);
                if (matches.IsEmpty)
                {
                    scope.Complete = false;
                    reported.Add(i);
                    warn(path, PolicyDiagnostics.PatternMatchesNothing, $"action pattern '{action}' matches no action of {service.Name} ('{service.Prefix}')");
                }

                scope.Covered.AddRange(matches);
            }
            else if (_catalog.TryGetAction(action, out var found))
            {
                scope.Covered.Add(found);
            }
            else
            {
                scope.Complete = false;
                reported.Add(i);
                warn(path, PolicyDiagnostics.UnknownAction, $"action '{action}': {service.Name} has no documented action '{name}'{SuggestAction(service, name)}");
            }
        }

        CheckRedundantActions(statement, reported, warn);
        if (statement.IsNotAction && statement.Effect == PolicyEffect.Allow)
        {
            warn(statement.ActionElementPath, PolicyDiagnostics.AllowWithNotAction,
                "Allow with NotAction allows every action but those listed, of every service, including actions AWS adds later; list the actions to allow, or use NotAction with Deny");
        }

        return scope;
    }

    private static string SuggestAction(IamService service, string name)
    {
        var near = NameSuggestions.Nearest(name, service.Actions.Select(static a => a.Name));
        return near is null ? "" : $"; did you mean '{service.Prefix}:{near}'?";
    }

    // A literal action listed twice, or also matched by a wildcard pattern of the same statement; actions reported
    // unknown already are left alone.
    private static void CheckRedundantActions(PolicyStatement statement, HashSet<int> reported, Action<string, string, string> warn)
    {
        var actions = statement.Actions;
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var patterns = new List<int>();
        for (var i = 0; i < actions.Length; i++)
        {
            if (HasWildcard(actions[i]))
                patterns.Add(i);
        }

        for (var i = 0; i < actions.Length; i++)
        {
            var action = actions[i];
            if (reported.Contains(i))
                continue;
            if (!firstIndex.TryAdd(action, i))
            {
                warn(statement.ActionPath(i), PolicyDiagnostics.RedundantAction,
                    $"action '{action}' is listed already at {statement.ActionPath(firstIndex[action])}");
                continue;
            }

            if (HasWildcard(action))
                continue;
            foreach (var p in patterns)
            {
                if (ActionPattern.Matches(actions[p], action))
                {
                    warn(statement.ActionPath(i), PolicyDiagnostics.RedundantAction,
                        $"action '{action}' is matched already by '{actions[p]}' at {statement.ActionPath(p)}");
                    break;
                }
            }
        }
    }

    private void CheckResources(PolicyDocument document, PolicyStatement statement, StatementScope scope, Action<string, string, string> warn)
    {
        var resources = statement.Resources;
        if (!document.SupportsVariables)
        {
            for (var i = 0; i < resources.Length; i++)
            {
                if (resources[i].Contains("${", StringComparison.Ordinal))
                    warn(statement.ResourcePath(i), PolicyDiagnostics.LiteralVariable, LiteralVariableMessage(document, $"resource '{resources[i]}'"));
            }
        }

        if (statement.IsNotResource)
            return;
        for (var i = 0; i < resources.Length; i++)
        {
            if (ArnService(resources[i]) is { Length: > 0 } service && !HasWildcard(service) && !service.Contains("${", StringComparison.Ordinal)
                && !_allArnServices.Value.Contains(service))
            {
                var near = NameSuggestions.Nearest(service, _allArnServices.Value.Order(StringComparer.Ordinal));
                warn(statement.ResourcePath(i), PolicyDiagnostics.UnknownArnService,
                    $"resource '{resources[i]}': no documented AWS service has ARNs of '{service}'{(near is null ? "" : $"; did you mean '{near}'?")}");
            }
        }

        // Only a statement whose actions are all known says what resources they take.
        if (!scope.Decidable || resources.Contains("*"))
            return;
        if (scope.Covered.TrueForAll(static a => a.IsWildcardOnly))
        {
            // Services check some wildcard-only actions against a service-wide ARN (s3:ListAllMyBuckets matches
            // arn:aws:s3:::*), so only a resource without wildcards surely never matches.
            for (var i = 0; i < resources.Length; i++)
            {
                if (HasWildcard(resources[i]) || resources[i].Contains("${", StringComparison.Ordinal))
                    continue;
                warn(statement.ResourcePath(i), PolicyDiagnostics.WildcardOnlyActionsWithResource,
                    $"resource '{resources[i]}' never matches: {(scope.Covered.Count == 1 ? "the statement's action" : "every action of the statement")} ({Name(scope.Covered)}) has no resource-level permissions and takes only \"Resource\": \"*\"");
            }

            return;
        }

        // What the services of the statement's actions take, over all their actions: the catalog does not list every
        // resource type each action takes.
        var arnServices = new HashSet<string>(scope.Services, StringComparer.OrdinalIgnoreCase);
        foreach (var prefix in scope.Services)
        {
            if (_arnServices.Value.GetValueOrDefault(prefix) is not { } taken)
                return;
            arnServices.UnionWith(taken);
        }

        for (var i = 0; i < resources.Length; i++)
        {
            var service = ArnService(resources[i]);
            if (service is null || service.Length == 0 || HasWildcard(service) || service.Contains("${", StringComparison.Ordinal)
                || !_allArnServices.Value.Contains(service) || arnServices.Contains(service)
                || (RenamedArnServices.TryGetValue(service, out var renamed) && arnServices.Contains(renamed)))
            {
                continue;
            }

            var services = scope.Services.Order(StringComparer.Ordinal).ToList();
            warn(statement.ResourcePath(i), PolicyDiagnostics.ResourceServiceNotDocumented,
                $"resource '{resources[i]}' is an ARN of '{service}', but AWS documents no action of {string.Join(" or ", services)} that takes {service} resources: it matches only if {(services.Count == 1 ? "the service checks" : "one of them checks")} them undocumented");
        }
    }

    // The ARN services of every resource type a service's actions take; null when a pattern leaves the service open.
    private static FrozenSet<string>? ArnServicesOf(IamService service)
    {
        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var patterns = service.ResourceTypes.SelectMany(static t => t.ArnPatterns)
            .Concat(service.Actions.SelectMany(static a => a.ResourceTypes).SelectMany(static r => r.ResourceType.ArnPatterns));
        foreach (var pattern in patterns)
        {
            var arnService = ArnService(pattern);
            if (arnService is null || arnService.Contains("${", StringComparison.Ordinal))
                return null;
            services.Add(arnService);
        }

        return services.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private void CheckConditions(PolicyDocument document, PolicyStatement statement, StatementScope scope, Action<string, string, string> warn)
    {
        foreach (var condition in statement.Conditions)
        {
            if (!document.SupportsVariables)
            {
                for (var i = 0; i < condition.Values.Length; i++)
                {
                    if (condition.Values[i].Contains("${", StringComparison.Ordinal))
                        warn(condition.ValuePath(i), PolicyDiagnostics.LiteralVariable, LiteralVariableMessage(document, $"{condition.OperatorName} value '{condition.Values[i]}'"));
                }
            }

            CheckExactValues(condition, warn);
            var definition = ResolveKey(statement, condition, scope, warn);
            if (definition is null)
                continue;
            CheckType(condition, definition, warn);
            CheckSet(statement, condition, definition, scope, warn);
        }
    }

    // The key's definition as the statement uses it, warning when no service has it or no action of the statement supports it.
    private IamConditionKey? ResolveKey(PolicyStatement statement, PolicyCondition condition, StatementScope scope, Action<string, string, string> warn)
    {
        var key = condition.Key;
        if (_catalog.TryGetGlobalConditionKey(key, out var global))
            return global;
        var tagKeyForm = TagKeyForm(key);
        if (!_catalog.TryFindConditionKey(key, out var known) && (tagKeyForm is null || !_catalog.TryFindConditionKey(tagKeyForm, out known)))
        {
            // Keys of web identity providers are named after the provider (token.actions.githubusercontent.com:sub),
            // and keys of a service the catalog lacks were reported with its actions.
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon > 0 ? key[..(colon + 1)] : null;
            if (IsIdentityProviderKey(key)
                || (prefix is not null && !_catalog.IsKnownService(prefix[..^1]) && statement.Actions.Any(a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))))
            {
                return null;
            }

            warn(condition.Path, PolicyDiagnostics.UnknownConditionKey,
                $"AWS documents no condition key '{key}', global or of a service{SuggestKey(key)}");
            return null;
        }

        // AWS's lists of the keys each action supports are incomplete within a service (aws-marketplace:ProductId works with
        // aws-marketplace:Subscribe), so only a key of a service none of the statement's actions belongs to is decided.
        var keyColon = key.IndexOf(':', StringComparison.Ordinal);
        if (!scope.Decidable || !_attachedKeys.Value.Contains(known) || (keyColon > 0 && scope.Services.Contains(key[..keyColon])))
            return known;
        foreach (var action in scope.Covered)
        {
            if (_catalog.TryGetConditionKey(action, key, out var definition)
                || (tagKeyForm is not null && _catalog.TryGetConditionKey(action, tagKeyForm, out definition)))
            {
                return definition;
            }
        }

        warn(condition.Path, PolicyDiagnostics.UnsupportedConditionKey,
            $"condition key '{key}' is not supported by {(scope.Covered.Count == 1 ? "the statement's action" : "any action of the statement")} ({Name(scope.Covered)}), so requests never carry it and {Consequence(statement, condition)}");
        return known;
    }

    // The Service Authorization Reference writes a few tag keys with a literal placeholder: secretsmanager:ResourceTag/tag-key.
    private static string? TagKeyForm(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < key.Length - 1 ? key[..(slash + 1)] + "tag-key" : null;
    }

    private string SuggestKey(string key)
    {
        var near = NameSuggestions.Nearest(key, _allConditionKeyNames.Value.Where(static n => !ConditionKeyTemplate.HasVariable(n)));
        if (near is null)
        {
            // aws:ResourceTags/team is aws:ResourceTag/${TagKey} with its fixed part misspelt.
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                var heads = _allConditionKeyNames.Value
                    .Where(static n => ConditionKeyTemplate.HasVariable(n) && n.IndexOf('/', StringComparison.Ordinal) is var s && s > 0 && !ConditionKeyTemplate.HasVariable(n[..s]))
                    .Select(static n => n[..(n.IndexOf('/', StringComparison.Ordinal) + 1)]);
                if (NameSuggestions.Nearest(key[..(slash + 1)], heads) is { } head)
                    near = head + key[(slash + 1)..];
            }
        }

        return near is null ? "" : $"; did you mean '{near}'?";
    }

    private static string Consequence(PolicyStatement statement, PolicyCondition condition)
    {
        bool holds;
        if (condition.Operator == ConditionOperator.Null)
            holds = condition.Values.Any(static v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        else if (condition.IfExists || condition.Set == ConditionSet.ForAllValues)
            holds = true;
        else if (condition.Set == ConditionSet.ForAnyValue)
            holds = false;
        else
            holds = condition.IsNegated;
        var effect = statement.Effect == PolicyEffect.Allow ? "allows" : "denies";
        return holds
            ? $"{condition.OperatorName} always holds"
            : $"{condition.OperatorName} never holds: the statement never {effect} anything";
    }

    private static void CheckType(PolicyCondition condition, IamConditionKey definition, Action<string, string, string> warn)
    {
        var type = BaseType(definition.Type);
        var fits = condition.Operator switch
        {
            ConditionOperator.Null => true,
            >= ConditionOperator.StringEquals and <= ConditionOperator.StringNotLike => type is IamConditionKeyType.String or IamConditionKeyType.Arn,
            >= ConditionOperator.NumericEquals and <= ConditionOperator.NumericGreaterThanEquals => type == IamConditionKeyType.Numeric,
            >= ConditionOperator.DateEquals and <= ConditionOperator.DateGreaterThanEquals => type == IamConditionKeyType.Date,
            ConditionOperator.Bool => type == IamConditionKeyType.Bool,
            ConditionOperator.BinaryEquals => type == IamConditionKeyType.Binary,
            ConditionOperator.IpAddress or ConditionOperator.NotIpAddress => type == IamConditionKeyType.IPAddress,
            // An Arn operator on a string key compares ARNs well when the values are ARNs (a tag holding an ARN).
            _ => type == IamConditionKeyType.Arn
                || (type == IamConditionKeyType.String && condition.Values.All(static v => v.StartsWith("arn:", StringComparison.Ordinal) || v.Contains("${", StringComparison.Ordinal))),
        };
        if (!fits)
        {
            warn(condition.Path, PolicyDiagnostics.OperatorTypeMismatch,
                $"{condition.OperatorName} compares {Compares(condition.Operator)}, but '{condition.Key}' is {Describe(type)} key; use {OperatorsFor(type)}");
        }
    }

    private static void CheckSet(PolicyStatement statement, PolicyCondition condition, IamConditionKey definition, StatementScope scope, Action<string, string, string> warn)
    {
        var key = condition.Key;
        if (condition.Set != ConditionSet.None && !definition.IsMultivalued)
        {
            var qualifier = condition.Set == ConditionSet.ForAllValues ? "ForAllValues:" : "ForAnyValue:";
            warn(condition.Path, PolicyDiagnostics.SetOperatorOnSingleValuedKey,
                $"{qualifier} tests keys with several values, but '{key}' has one value{(condition.Set == ConditionSet.ForAllValues ? ", and ForAllValues: also holds when it is absent" : "")}; use {condition.OperatorName[qualifier.Length..]}");
        }
        else if (condition.Set == ConditionSet.None && condition.Operator != ConditionOperator.Null && definition.IsMultivalued)
        {
            warn(condition.Path, PolicyDiagnostics.PlainOperatorOnMultivaluedKey,
                $"'{key}' has several values; write ForAnyValue:{condition.OperatorName} or ForAllValues:{condition.OperatorName} to say whether one value or every value must match");
        }

        if (condition.Set == ConditionSet.ForAllValues && statement.Effect == PolicyEffect.Allow && !condition.IfExists
            && condition.Operator != ConditionOperator.Null && definition.IsMultivalued && !RequiresPresence(statement, key)
            && !(IsTagKeys(key) && scope.Decidable && scope.Covered.TrueForAll(static a => a.AccessLevel == IamAccessLevel.Tagging)))
        {
            warn(condition.Path, PolicyDiagnostics.ForAllValuesWithAllow,
                $"{condition.OperatorName} holds when '{key}' is absent from the request, so this Allow also applies to requests without it; add \"Null\": {{\"{key}\": \"false\"}} if the key must be present");
        }
    }

    // Another condition of the statement that fails when the key is absent makes the statement require it; a request
    // tag required makes aws:TagKeys present.
    private static bool RequiresPresence(PolicyStatement statement, string key) => statement.Conditions.Any(other =>
        (string.Equals(other.Key, key, StringComparison.OrdinalIgnoreCase)
            || (IsTagKeys(key) && other.Key.StartsWith("aws:RequestTag/", StringComparison.OrdinalIgnoreCase)))
        && (other.Operator == ConditionOperator.Null
            ? other.Values.All(static v => v.Equals("false", StringComparison.OrdinalIgnoreCase))
            : !other.IfExists && (other.Set == ConditionSet.ForAnyValue || (other.Set == ConditionSet.None && !other.IsNegated))));

    // Tagging actions (TagResource, CreateTags, UntagResource) always carry the tag keys they set or remove.
    private static bool IsTagKeys(string key) => key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase);

    // A wildcard in StringEquals is a literal character: the author almost always meant StringLike.
    private static void CheckExactValues(PolicyCondition condition, Action<string, string, string> warn)
    {
        if (condition.Operator is not (ConditionOperator.StringEquals or ConditionOperator.StringNotEquals
            or ConditionOperator.StringEqualsIgnoreCase or ConditionOperator.StringNotEqualsIgnoreCase))
        {
            return;
        }

        for (var i = 0; i < condition.Values.Length; i++)
        {
            var value = condition.Values[i];
            if (value.Replace("${*}", "", StringComparison.Ordinal).Contains('*', StringComparison.Ordinal))
            {
                var like = condition.Operator is ConditionOperator.StringEquals or ConditionOperator.StringEqualsIgnoreCase ? "StringLike" : "StringNotLike";
                warn(condition.ValuePath(i), PolicyDiagnostics.WildcardInExactOperator,
                    $"{condition.OperatorName} compares exactly, so '*' in '{value}' is a literal character, not a wildcard; use {like} to match patterns");
            }
        }
    }

    private static string LiteralVariableMessage(PolicyDocument document, string what) =>
        $"{what} holds a policy variable, but {(document.Version is null ? $"without a Version (read as {PolicyParser.Version2008})" : $"under Version {document.Version}")} variables are literal text; use \"Version\": \"{PolicyParser.Version2012}\"";

    private static bool IsIdentityProviderKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && key.AsSpan(0, colon).IndexOfAny('.', '/') >= 0;
    }

    private static string? ArnService(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
            return null;
        var partitionEnd = arn.IndexOf(':', 4);
        var serviceEnd = partitionEnd < 0 ? -1 : arn.IndexOf(':', partitionEnd + 1);
        return serviceEnd < 0 ? null : arn[(partitionEnd + 1)..serviceEnd];
    }

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    private static string Name(List<IamAction> list)
    {
        var actions = list.Distinct(ReferenceEqualityComparer.Instance).Cast<IamAction>().ToList();
        var named = string.Join(", ", actions.Take(ActionsNamed).Select(static a => a.FullName));
        return actions.Count > ActionsNamed
            ? named + string.Create(CultureInfo.InvariantCulture, $" and {actions.Count - ActionsNamed} more")
            : named;
    }

    private static IamConditionKeyType BaseType(IamConditionKeyType type) =>
        type >= IamConditionKeyType.ArrayOfString ? (IamConditionKeyType)(type - IamConditionKeyType.ArrayOfString) : type;

    private static string Compares(ConditionOperator op) => op switch
    {
        >= ConditionOperator.StringEquals and <= ConditionOperator.StringNotLike => "strings",
        >= ConditionOperator.NumericEquals and <= ConditionOperator.NumericGreaterThanEquals => "numbers",
        >= ConditionOperator.DateEquals and <= ConditionOperator.DateGreaterThanEquals => "dates",
        ConditionOperator.Bool => "Booleans",
        ConditionOperator.BinaryEquals => "binary values",
        ConditionOperator.IpAddress or ConditionOperator.NotIpAddress => "IP addresses",
        _ => "ARNs",
    };

    private static string Describe(IamConditionKeyType type) => type switch
    {
        IamConditionKeyType.String => "a string",
        IamConditionKeyType.Arn => "an ARN",
        IamConditionKeyType.Numeric => "a numeric",
        IamConditionKeyType.Date => "a date",
        IamConditionKeyType.Bool => "a Boolean",
        IamConditionKeyType.IPAddress => "an IP address",
        _ => "a binary",
    };

    private static string OperatorsFor(IamConditionKeyType type) => type switch
    {
        IamConditionKeyType.String => "a String operator (StringEquals, StringLike…)",
        IamConditionKeyType.Arn => "an Arn or String operator (ArnLike, StringEquals…)",
        IamConditionKeyType.Numeric => "a Numeric operator (NumericEquals, NumericLessThan…)",
        IamConditionKeyType.Date => "a Date operator (DateGreaterThan, DateLessThan…)",
        IamConditionKeyType.Bool => "Bool",
        IamConditionKeyType.IPAddress => "IpAddress or NotIpAddress",
        _ => "BinaryEquals",
    };

    // What the statement's actions are, as far as the catalog can tell.
    private sealed class StatementScope
    {
        /// <summary>The actions of the statement's Action patterns that the catalog has.</summary>
        public List<IamAction> Covered { get; } = [];

        /// <summary>The service prefixes the Action patterns name.</summary>
        public HashSet<string> Services { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Whether the statement may cover any service: <c>*</c>, <c>*:Get*</c>, or <c>NotAction</c>.</summary>
        public bool AnyService { get; set; }

        /// <summary>Whether every pattern resolved to catalog actions.</summary>
        public bool Complete { get; set; } = true;

        /// <summary>Whether <see cref="Covered"/> is exactly what the statement covers, so absence from it decides.</summary>
        public bool Decidable => Complete && !AnyService && Covered.Count > 0;
    }
}
