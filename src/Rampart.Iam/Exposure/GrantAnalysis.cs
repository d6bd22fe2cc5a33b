using System.Collections.Immutable;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Exposure;

/// <summary>
/// What the evaluator allows one caller among the actions of an <see cref="ActionUniverse"/>, each on its probe resource.
/// The evaluator's answer depends only on which statements match the request; actions that the same statements of every
/// layer match are decided once, by asking about one of them.
/// </summary>
internal sealed class GrantAnalysis
{
    [ThreadStatic]
    private static ulong[]? t_signature;

    private GrantAnalysis(ulong[] candidates, ImmutableArray<GrantClass> classes)
    {
        Candidates = candidates;
        Classes = classes;
    }

    /// <summary>The actions some Allow identity statement covers on the probe resource.</summary>
    public ulong[] Candidates { get; }

    /// <summary>The candidates, by the statements that match them, each with the evaluator's answer.</summary>
    public ImmutableArray<GrantClass> Classes { get; }

    /// <summary>The class of a candidate action, or null when no Allow statement covers it.</summary>
    public GrantClass? ClassOf(int index)
    {
        if (!StatementBits.Has(Candidates, index))
            return null;
        foreach (var grant in Classes)
        {
            if (StatementBits.Has(grant.Members, index))
                return grant;
        }

        return null;
    }

    /// <summary>Whether the action is allowed outright (not only under conditions).</summary>
    public bool AllowedOutright(int index) => ClassOf(index) is { IsAllowedOutright: true };

    /// <summary>Whether the action is allowed, outright or under conditions.</summary>
    public bool Allowed(int index) => ClassOf(index) is { Result.Decision: Decision.Allowed };

    /// <summary>Decides the actions <paramref name="policies"/> may allow, asking <paramref name="ask"/> once per class.</summary>
    public static GrantAnalysis Run(StatementBits bits, PolicySet policies, Func<int, OpenEvaluationResult> ask)
    {
        var universe = bits.Universe;
        var candidates = new ulong[universe.Words];
        foreach (var policy in policies.Identity)
        {
            foreach (var statement in policy.Statements)
            {
                if (statement.Effect != Policies.PolicyEffect.Allow)
                    continue;
                var own = bits.Of(statement);
                for (var w = 0; w < candidates.Length; w++)
                    candidates[w] |= own[w];
            }
        }

        if (Array.TrueForAll(candidates, static word => word == 0))
            return new GrantAnalysis(candidates, []);

        var signature = t_signature is { } buffer && buffer.Length == universe.Count ? buffer : t_signature = new ulong[universe.Count];
        ForEach(candidates, i => signature[i] = universe.IsKmsKey[i] ? 0x9E3779B97F4A7C15UL : 1UL);

        var k = 0UL;
        void Mark(ImmutableArray<CompiledPolicy> layer)
        {
            foreach (var policy in layer)
            {
                foreach (var statement in policy.Statements)
                {
                    var tag = Mix(++k);
                    var own = bits.Of(statement);
                    for (var w = 0; w < candidates.Length; w++)
                    {
                        var word = own[w] & candidates[w];
                        while (word != 0)
                        {
                            signature[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)] ^= tag;
                            word &= word - 1;
                        }
                    }
                }
            }
        }

        Mark(policies.Identity);
        if (policies.PermissionBoundary is { } boundary)
            Mark([boundary]);
        if (policies.Session is { } session)
            Mark([session]);
        foreach (var level in policies.ServiceControl)
            Mark(level);
        foreach (var level in policies.ResourceControl)
            Mark(level);

        var classes = new Dictionary<ulong, (int Representative, ulong[] Members)>();
        ForEach(candidates, i =>
        {
            if (!classes.TryGetValue(signature[i], out var grant))
                classes[signature[i]] = grant = (i, new ulong[universe.Words]);
            grant.Members[i >> 6] |= 1UL << (i & 63);
            signature[i] = 0;
        });

        return new GrantAnalysis(candidates, [.. classes.Values.OrderBy(static c => c.Representative).Select(c => new GrantClass(c.Representative, c.Members, ask(c.Representative)))]);
    }

    /// <summary>Calls <paramref name="action"/> with the index of each bit set.</summary>
    public static void ForEach(ulong[] bits, Action<int> action)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                action((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
    }

    // SplitMix64: a distinct, well-spread tag per statement, so that XORed tags tell sets of statements apart.
    private static ulong Mix(ulong value)
    {
        var z = value * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
