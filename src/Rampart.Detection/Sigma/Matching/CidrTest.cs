using System.Collections.Immutable;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// <c>cidr</c> values: the event value is an IP address inside one of the networks. A rule's list of networks is one
/// test, so each value is read as an address once however many networks it is held against.
/// </summary>
internal sealed class CidrTest(ImmutableArray<CidrNetwork> networks, TextNormalization normalization) : PerValueTest(normalization)
{
    private readonly CidrNetwork[] _networks = [.. networks];

    public ImmutableArray<CidrNetwork> Networks { get; } = networks;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        if (value.Kind != FieldValueKind.String || !IpValue.TryParse(text, out var address))
            return false;
        foreach (var network in _networks)
        {
            if (network.Contains(address))
                return true;
        }

        return false;
    }
}
