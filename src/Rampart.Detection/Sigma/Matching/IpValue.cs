using System.Net;
using System.Net.Sockets;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>An event value read as an IP address once, to be tested against any number of networks.</summary>
internal readonly struct IpValue
{
    private readonly uint _ipv4;
    private readonly UInt128 _ipv6;

    private IpValue(uint ipv4)
    {
        IsIPv4 = true;
        _ipv4 = ipv4;
    }

    private IpValue(UInt128 ipv6) => _ipv6 = ipv6;

    /// <summary>Whether the value was written as an IPv4 address.</summary>
    public bool IsIPv4 { get; }

    /// <summary>
    /// Reads dotted-quad IPv4 without allocating, and IPv6 text (with a colon) through <see cref="IPAddress"/>, which
    /// would also take legacy IPv4 forms such as "10.0.0" that are not addresses in logs.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpValue address)
    {
        address = default;
        if (CidrNetwork.TryParseIPv4(text, out var ipv4))
        {
            address = new IpValue(ipv4);
            return true;
        }

        if (text.IsEmpty || text.Length > 64 || !text.Contains(':') || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        Span<byte> bytes = stackalloc byte[16];
        if (!parsed.TryWriteBytes(bytes, out var written) || written != 16)
            return false;
        address = new IpValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
        return true;
    }

    /// <summary>The IPv4 address, written as one or mapped into IPv6 (<c>::ffff:a.b.c.d</c>).</summary>
    public bool TryGetIPv4(out uint ipv4)
    {
        if (IsIPv4)
        {
            ipv4 = _ipv4;
            return true;
        }

        ipv4 = (uint)_ipv6;
        return (_ipv6 >> 32) == 0xFFFF;
    }

    /// <summary>Byte <paramref name="index"/> (0–15, network order) of an IPv6 address.</summary>
    public byte IPv6Byte(int index) => (byte)(_ipv6 >> (8 * (15 - index)));
}
