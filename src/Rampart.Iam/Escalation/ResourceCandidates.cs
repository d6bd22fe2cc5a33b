using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Escalation;

/// <summary>
/// Resources to ask about for a resource the principal would create and name itself (a function, a stack): the probe
/// name first, then, for each Allow statement of its own that names the action only on some resources, a resource those
/// patterns match (<c>…:function:dev-*</c> gives <c>…:function:dev-rampartprobe</c>). The evaluator still decides each.
/// </summary>
internal static class ResourceCandidates
{
    private const int Limit = 16;

    public static IEnumerable<string> For(PolicySet policies, string action, string probe, List<CompiledStatement> scratch)
    {
        yield return probe;
        var more = new List<string>();
        foreach (var policy in policies.Identity)
        {
            policy.Candidates(action, scratch);
            foreach (var statement in scratch)
            {
                var source = statement.Statement;
                if (statement.Effect != PolicyEffect.Allow || source.IsNotResource || !statement.MatchesAction(action))
                    continue;
                foreach (var pattern in source.Resources)
                {
                    if (Instantiate(pattern, probe) is { } resource && resource != probe && !more.Contains(resource) && more.Count < Limit)
                        more.Add(resource);
                }
            }
        }

        foreach (var resource in more)
            yield return resource;
    }

    /// <summary>A resource of the probe's service and type that <paramref name="pattern"/> matches, or null.</summary>
    internal static string? Instantiate(string pattern, string probe)
    {
        if (pattern == "*" || pattern.Contains("${", StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal))
            return null;
        var patternParts = pattern.Split(':', 6);
        var probeParts = probe.Split(':', 6);
        if (patternParts.Length != 6 || probeParts.Length != 6)
            return null;
        var parts = new string[6];
        for (var i = 0; i < 6; i++)
        {
            parts[i] = Wildcard.Matches(patternParts[i], probeParts[i], ignoreCase: false)
                ? probeParts[i]
                : patternParts[i].Replace("*", EscalationSearch.ProbeName, StringComparison.Ordinal).Replace('?', 'x');
        }

        var resource = string.Join(':', parts);
        var type = probeParts[5].AsSpan();
        var cut = type.IndexOfAny(':', '/');
        if (parts[2] != probeParts[2] || (cut > 0 && !parts[5].AsSpan().StartsWith(type[..(cut + 1)], StringComparison.Ordinal)))
            return null;
        return ArnPattern.Matches(pattern, resource) ? resource : null;
    }
}
