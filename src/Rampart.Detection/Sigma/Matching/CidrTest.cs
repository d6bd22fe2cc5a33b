using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>A <c>cidr</c> value: the event value is an IP address inside the network.</summary>
internal sealed class CidrTest(CidrNetwork network, TextNormalization normalization) : PerValueTest(normalization)
{
    public CidrNetwork Network { get; } = network;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text) =>
        value.Kind == FieldValueKind.String && Network.Contains(text);
}
