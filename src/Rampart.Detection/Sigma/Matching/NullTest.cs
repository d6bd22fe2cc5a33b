using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>Sigma's <c>null</c>: the field is absent or holds null.</summary>
internal sealed class NullTest : ValueTest
{
    public static NullTest Instance { get; } = new();

    private NullTest()
    {
    }

    public override bool Test(ReadOnlySpan<FieldValue> values, LogEvent logEvent, MatchScratch scratch)
    {
        if (values.IsEmpty)
            return true;
        foreach (ref readonly var value in values)
        {
            if (value.IsNull)
                return true;
        }

        return false;
    }
}
