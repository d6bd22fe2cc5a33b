using System.Collections.Frozen;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>A statement ready to evaluate: actions split into exact names and patterns, resources and conditions prepared.</summary>
internal sealed class CompiledStatement
{
    private readonly FrozenSet<string> _exactActions;
    private readonly string[] _actionPatterns;
    private readonly bool _anyAction;
    private readonly Resource[] _resources;
    private readonly bool _anyResource;
    private readonly CompiledCondition[] _conditions;

    public CompiledStatement(PolicyStatement statement, PolicyDocument document)
    {
        Statement = statement;
        Document = document;
        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var patterns = new List<string>();
        foreach (var action in statement.Actions)
        {
            if (action == "*")
                _anyAction = true;
            else if (action.AsSpan().IndexOfAny('*', '?') >= 0)
                patterns.Add(action);
            else
                exact.Add(action);
        }

        _exactActions = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _actionPatterns = [.. patterns];
        var resources = new List<Resource>();
        foreach (var resource in statement.Resources)
        {
            if (resource == "*")
            {
                _anyResource = true;
                continue;
            }

            var template = document.SupportsVariables ? PolicyTemplate.Parse(resource, out _) : null;
            resources.Add(template is { HasVariables: true }
                ? new Resource(null, template)
                : new Resource(template is null ? Wildcard.FromPolicy(resource) : template.Render(_ => null, EscapeFor)!, null));
        }

        _resources = [.. resources];
        _conditions = [.. statement.Conditions.Select(condition => new CompiledCondition(condition, document.SupportsVariables))];
    }

    public PolicyStatement Statement { get; }

    public PolicyDocument Document { get; }

    public PolicyEffect Effect => Statement.Effect;

    /// <summary>Whether the statement covers the request's action (before <c>NotAction</c> is applied).</summary>
    public bool MatchesAction(string action)
    {
        var listed = _anyAction || _exactActions.Contains(action);
        if (!listed)
        {
            foreach (var pattern in _actionPatterns)
            {
                if (Wildcard.Matches(pattern, action, ignoreCase: true))
                {
                    listed = true;
                    break;
                }
            }
        }

        return listed != Statement.IsNotAction;
    }

    /// <summary>Whether the statement covers the resource; a statement without Resource (a trust policy's) covers its own.</summary>
    public bool MatchesResource(RequestScope scope)
    {
        if (!Statement.HasResource)
            return true;
        var resource = scope.Request.Resource;
        var listed = _anyResource;
        if (!listed)
        {
            foreach (var candidate in _resources)
            {
                var pattern = candidate.Pattern ?? candidate.Template!.Render(scope.Variable, EscapeFor);
                if (pattern is not null && ArnPattern.Matches(pattern, resource))
                {
                    listed = true;
                    break;
                }
            }
        }

        return listed != Statement.IsNotResource;
    }

    /// <summary>How the statement's <c>Principal</c> names the caller; for <c>NotPrincipal</c>, Direct when the caller is not excluded.</summary>
    public PrincipalMatch MatchPrincipal(RequestPrincipal principal)
    {
        if (Statement.Principal is not { } set)
            return PrincipalMatch.Direct;
        var match = PrincipalMatcher.Match(set, principal);
        if (!Statement.IsNotPrincipal)
            return match;

        // NotPrincipal excludes only whom it names exactly: a role's ARN does not exclude its sessions, nor the account's
        // ARN its users (it is listed so that the account itself is not denied).
        return match == PrincipalMatch.Direct ? PrincipalMatch.None : PrincipalMatch.Direct;
    }

    /// <summary>
    /// Whether every condition holds. With <paramref name="unknown"/>, conditions whose keys the question leaves open are
    /// not decided but added to it; the statement then holds only if they do.
    /// </summary>
    public bool ConditionsHold(RequestScope scope, List<PolicyCondition>? unknown = null)
    {
        foreach (var condition in _conditions)
        {
            if (unknown is not null && condition.IsUnknown(scope))
            {
                unknown.Add(condition.Source);
                continue;
            }

            if (!condition.Holds(scope))
                return false;
        }

        return true;
    }

    private static string EscapeFor(string text, bool literal) => literal ? Wildcard.Escape(text) : Wildcard.FromPolicy(text);

    private sealed record Resource(string? Pattern, PolicyTemplate? Template);
}
