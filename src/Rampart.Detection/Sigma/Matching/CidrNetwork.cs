using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>An IPv4 or IPv6 network; host bits written in the rule are ignored (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>).</summary>
internal sealed class CidrNetwork
{
    private readonly byte[] _network;
    private readonly int _prefix;
    private readonly uint _ipv4Network;
    private readonly uint _ipv4Mask;

    private CidrNetwork(byte[] network, int prefix, string text)
    {
        _network = network;
        _prefix = prefix;
        Text = text;
        if (network.Length == 4)
        {
            _ipv4Mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            _ipv4Network = ToUInt32(network) & _ipv4Mask;
        }
    }

    public string Text { get; }

    public bool IsIPv4 => _network.Length == 4;

    /// <summary>Reads <c>address/prefix</c>, or a bare address as a single-host network.</summary>
    public static CidrNetwork? TryParse(string text)
    {
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return null;
        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(trimmed.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            return null;
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new CidrNetwork(bytes, prefix, trimmed);
    }

    /// <summary>Whether <paramref name="text"/> is an address inside the network; text that is not an address is not.</summary>
    public bool Contains(ReadOnlySpan<char> text) => IpValue.TryParse(text, out var address) && Contains(address);

    /// <summary>Whether <paramref name="address"/> lies inside the network; an IPv4-mapped IPv6 address counts as its IPv4 address.</summary>
    public bool Contains(in IpValue address)
    {
        if (IsIPv4)
            return address.TryGetIPv4(out var ipv4) && (ipv4 & _ipv4Mask) == _ipv4Network;
        if (address.IsIPv4)
            return false;
        for (var i = 0; i < _network.Length; i++)
        {
            var keep = Math.Clamp(_prefix - (i * 8), 0, 8);
            if (keep == 0)
                break;
            var mask = (byte)(0xFF << (8 - keep));
            if ((address.IPv6Byte(i) & mask) != _network[i])
                return false;
        }

        return true;
    }

    internal static uint ToUInt32(ReadOnlySpan<byte> bytes) =>
        ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];

    /// <summary>Dotted-quad IPv4 without allocating; anything else (including IPv6) is left to <see cref="IPAddress"/>.</summary>
    internal static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                value = (value * 10) + (c - '0');
                if (++digits > 3 || value > 255)
                    return false;
            }
            else if (c == '.' && digits > 0 && octets < 3)
            {
                address = (address << 8) | (uint)value;
                octets++;
                value = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || octets != 3)
            return false;
        address = (address << 8) | (uint)value;
        return true;
    }
}
