using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>Links value tests over one set of event values: any of them, or all of them.</summary>
internal static class TestValues
{
    public static bool Link(ValueTest[] tests, bool matchAll, ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch)
    {
        foreach (var test in tests)
        {
            if (test.Test(values, logEvent, scratch) != matchAll)
                return !matchAll;
        }

        return matchAll;
    }
}
