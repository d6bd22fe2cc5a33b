using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rampart.Posture.Checks;

/// <summary>An IPv4 or IPv6 range; a bare address is a range of one.</summary>
internal readonly record struct Cidr(byte[] Network, int Prefix)
{
    // Ranges that do not reach the internet: RFC 1918, shared address space, loopback, link-local, unique local.
    private static readonly Cidr[] NotPublic =
        [.. new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "fc00::/7", "fe80::/10", "::1/128" }
            .Select(static text => Parse(text)!.Value)];

    public bool IsIPv6 => Network.Length == 16;

    public static Cidr? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId != 0))
            return null;
        var bytes = ip.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8))
            return null;
        return new Cidr(Mask(bytes, prefix), prefix);
    }

    /// <summary>Whether every address of <paramref name="other"/> is in this range (same family only).</summary>
    public bool Contains(Cidr other)
    {
        if (other.Network.Length != Network.Length || other.Prefix < Prefix)
            return false;
        return Mask(other.Network, Prefix).AsSpan().SequenceEqual(Network);
    }

    /// <summary>Whether the range reaches beyond the private, shared, loopback and link-local ranges.</summary>
    public bool IsPublic()
    {
        foreach (var range in NotPublic)
        {
            if (range.Contains(this))
                return false;
        }

        return true;
    }

    private static byte[] Mask(byte[] address, int prefix)
    {
        var masked = (byte[])address.Clone();
        for (var i = 0; i < masked.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            masked[i] &= (byte)(0xFF << (8 - bits));
        }

        return masked;
    }
}
