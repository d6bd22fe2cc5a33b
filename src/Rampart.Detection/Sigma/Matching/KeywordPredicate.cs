using System.Runtime.InteropServices;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>Keywords: values searched for in every leaf value of the event, whatever its field.</summary>
internal sealed class KeywordPredicate(ValueTest[] tests, bool matchAll, bool negate) : EventPredicate
{
    public override bool Evaluate(LogEvent logEvent, MatchScratch scratch)
    {
        var values = CollectionsMarshal.AsSpan(scratch.GetAllValues(logEvent));
        var result = TestValues.Link(tests, matchAll, values, logEvent, scratch);
        return negate ? !values.IsEmpty && !result : result;
    }
}
