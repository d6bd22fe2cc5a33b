using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Correlation;

/// <summary>A correlation whose references are resolved: each source is a <see cref="SigmaRule"/> or another <see cref="ResolvedCorrelation"/>.</summary>
internal sealed class ResolvedCorrelation(SigmaCorrelation rule, ImmutableArray<object> sources)
{
    public SigmaCorrelation Rule { get; } = rule;

    public ImmutableArray<object> Sources { get; } = sources;

    /// <summary>
    /// Resolves every correlation's references by id (ignoring case) or name, reporting those that name nothing
    /// and those that refer back to themselves; both are dropped, with every correlation built on them. The result
    /// lists a correlation after every correlation it refers to.
    /// </summary>
    public static ImmutableArray<ResolvedCorrelation> Resolve(IReadOnlyList<SigmaRule> rules, IReadOnlyList<SigmaCorrelation> correlations, IDiagnosticSink diagnostics)
    {
        var byReference = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            byReference.TryAdd(rule.Id, rule);
            if (rule.Name is { } name)
                byReference.TryAdd(name, rule);
        }

        foreach (var correlation in correlations)
        {
            byReference.TryAdd(correlation.Id, correlation);
            if (correlation.Name is { } name)
                byReference.TryAdd(name, correlation);
        }

        var resolved = new Dictionary<SigmaCorrelation, ResolvedCorrelation?>(ReferenceEqualityComparer.Instance);
        var order = ImmutableArray.CreateBuilder<ResolvedCorrelation>();
        var visiting = new HashSet<SigmaCorrelation>(ReferenceEqualityComparer.Instance);

        ResolvedCorrelation? Visit(SigmaCorrelation correlation)
        {
            if (resolved.TryGetValue(correlation, out var done))
                return done;
            if (!visiting.Add(correlation))
            {
                diagnostics.Report(SigmaDiagnostics.CorrelationCycleError(correlation.Location, correlation.Title));
                resolved[correlation] = null;
                return null;
            }

            var sources = ImmutableArray.CreateBuilder<object>();
            var valid = true;
            foreach (var reference in correlation.Rules)
            {
                switch (byReference.GetValueOrDefault(reference))
                {
                    case SigmaRule rule:
                        sources.Add(rule);
                        break;
                    case SigmaCorrelation inner when Visit(inner) is { } innerResolved:
                        sources.Add(innerResolved);
                        break;
                    case SigmaCorrelation:
                        valid = false;
                        break;
                    default:
                        diagnostics.Report(SigmaDiagnostics.UnresolvedCorrelationReferenceError(correlation.Location, correlation.Title, reference));
                        valid = false;
                        break;
                }
            }

            visiting.Remove(correlation);
            if (resolved.TryGetValue(correlation, out var meanwhile) && meanwhile is null)
                return null;
            var result = valid ? new ResolvedCorrelation(correlation, sources.ToImmutable()) : null;
            resolved[correlation] = result;
            if (result is not null)
                order.Add(result);
            return result;
        }

        foreach (var correlation in correlations)
            Visit(correlation);
        return order.ToImmutable();
    }
}
