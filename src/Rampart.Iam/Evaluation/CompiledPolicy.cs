using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>A policy document compiled for evaluation: immutable, thread-safe, compiled once and used for any number of requests.</summary>
public sealed class CompiledPolicy
{
    private readonly CompiledStatement[] _statements;

    // Statements by the service prefix of their actions, so a request looks only at those that can match its action;
    // statements whose actions reach across services (*, NotAction, a wildcard in the prefix) are in _anyService.
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byService;
    private readonly int[] _anyService;

    private CompiledPolicy(PolicyDocument document)
    {
        Document = document;
        _statements = [.. document.Statements.Select(statement => new CompiledStatement(statement, document))];
        var byService = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var any = new List<int>();
        for (var i = 0; i < _statements.Length; i++)
        {
            var statement = _statements[i].Statement;
            var services = statement.IsNotAction ? null : ServicesOf(statement.Actions);
            if (services is null)
            {
                any.Add(i);
                continue;
            }

            foreach (var service in services)
            {
                if (!byService.TryGetValue(service, out var list))
                    byService[service] = list = [];
                list.Add(i);
            }
        }

        _byService = byService.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _anyService = [.. any];
    }

    private static HashSet<string>? ServicesOf(ImmutableArray<string> actions)
    {
        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in actions)
        {
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || action.AsSpan(0, colon).IndexOfAny('*', '?') >= 0)
                return null;
            services.Add(action[..colon]);
        }

        return services;
    }

    /// <summary>
    /// The statements that may match <paramref name="action"/>, in document order: those of its service and those that
    /// reach across services.
    /// </summary>
    internal void Candidates(string action, List<CompiledStatement> candidates)
    {
        candidates.Clear();
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var own = colon > 0 && _byService.TryGetValue(action.AsSpan(0, colon), out var found) ? found : [];
        int a = 0, b = 0;
        while (a < own.Length || b < _anyService.Length)
        {
            if (b >= _anyService.Length || (a < own.Length && own[a] < _anyService[b]))
                candidates.Add(_statements[own[a++]]);
            else
                candidates.Add(_statements[_anyService[b++]]);
        }
    }

    /// <summary>The document compiled.</summary>
    public PolicyDocument Document { get; }

    internal ReadOnlySpan<CompiledStatement> Statements => _statements;

    /// <summary>Compiles <paramref name="document"/>.</summary>
    public static CompiledPolicy Compile(PolicyDocument document) => new(Core.Guard.NotNull(document));

    /// <summary>Compiles each document.</summary>
    public static ImmutableArray<CompiledPolicy> CompileAll(IEnumerable<PolicyDocument> documents) =>
        [.. Core.Guard.NotNull(documents).Select(Compile)];
}
