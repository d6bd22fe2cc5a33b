using Rampart.Core.Events;

namespace Rampart.Core.Tests.Events;

public sealed class FieldPathTests
{
    [Fact]
    public void Paths_of_one_name_share_an_ordinal_and_other_names_do_not()
    {
        var name = "fieldPathTests." + Guid.NewGuid().ToString("N");
        var first = FieldPath.Parse(name);
        var again = FieldPath.Parse(name);
        var other = FieldPath.Parse(name + ".child");

        Assert.Equal(first.Ordinal, again.Ordinal);
        Assert.NotEqual(first.Ordinal, other.Ordinal);
    }

    // Rule files compile in parallel, and matching keeps each event's values per ordinal: two names numbered alike
    // would hand one field's values to rules testing the other.
    [Fact]
    public void Names_parsed_on_many_threads_at_once_get_distinct_ordinals()
    {
        const int threads = 8;
        const int namesPerThread = 5_000;
        var run = Guid.NewGuid().ToString("N");
        var ordinals = new int[threads * namesPerThread];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < namesPerThread; i++)
            {
                // Every thread parses every name, in its own order, so that the same new names race each other.
                var n = (i + (thread * namesPerThread / threads)) % namesPerThread;
                var slot = (thread * namesPerThread) + i;
                ordinals[slot] = FieldPath.Parse($"race.{run}.{n}").Ordinal;
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        var byName = new Dictionary<int, HashSet<int>>();
        for (var thread = 0; thread < threads; thread++)
        {
            for (var i = 0; i < namesPerThread; i++)
            {
                var n = (i + (thread * namesPerThread / threads)) % namesPerThread;
                if (!byName.TryGetValue(n, out var seen))
                    byName[n] = seen = [];
                seen.Add(ordinals[(thread * namesPerThread) + i]);
            }
        }

        Assert.All(byName.Values, seen => Assert.Single(seen));
        Assert.Equal(namesPerThread, byName.Values.Select(seen => seen.Single()).Distinct().Count());
    }
}
