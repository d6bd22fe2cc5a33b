using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// The variants one rule value expands into (windash, base64offset, placeholders): any of them matches.
/// Needed under <c>all</c>, where each original value must match but its variants are alternatives.
/// </summary>
internal sealed class AnyOfTest(ValueTest[] variants) : ValueTest
{
    public override bool Test(ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch)
    {
        foreach (var variant in variants)
        {
            if (variant.Test(values, logEvent, scratch))
                return true;
        }

        return false;
    }
}
