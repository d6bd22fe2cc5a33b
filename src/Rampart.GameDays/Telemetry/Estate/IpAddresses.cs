using System.Globalization;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>IPv4 addresses as numbers, drawn from ranges that look like their owners.</summary>
internal static class IpAddresses
{
    /// <summary>First octets common in AWS public address space.</summary>
    public static readonly int[] AwsOctets = [3, 13, 18, 34, 35, 44, 52, 54];

    /// <summary>First octets of consumer and office ISPs.</summary>
    public static readonly int[] IspOctets = [24, 31, 46, 62, 73, 77, 81, 86, 90, 94, 109, 176, 188, 212, 213, 217];

    /// <summary>First octets of hosting providers and VPN exits that attackers rent.</summary>
    public static readonly int[] HostingOctets = [45, 89, 103, 141, 146, 154, 167, 185, 193, 194, 195];

    public static uint Public(DeterministicRandom random, int[] firstOctets)
    {
        var first = (uint)random.Pick(firstOctets);
        var rest = (uint)random.Next(1 << 24);
        // Avoid .0 and .255 hosts so every address reads as a plausible single host.
        var last = rest & 0xFF;
        if (last is 0 or 255)
            rest = (rest & 0xFFFF00) | 17;
        return (first << 24) | rest;
    }

    public static string Format(uint address) => string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    /// <summary>Writes dotted decimal and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, uint address)
    {
        var n = TextIds.WriteNumber(destination, address >> 24);
        destination[n++] = (byte)'.';
        n += TextIds.WriteNumber(destination[n..], (address >> 16) & 0xFF);
        destination[n++] = (byte)'.';
        n += TextIds.WriteNumber(destination[n..], (address >> 8) & 0xFF);
        destination[n++] = (byte)'.';
        n += TextIds.WriteNumber(destination[n..], address & 0xFF);
        return n;
    }

    /// <summary>A home broadband IPv6 address, as some people's requests arrive over IPv6.</summary>
    public static string PublicV6(DeterministicRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"2a02:{random.Next(0x8000, 0x8fff):x}:{random.Next(0x1000, 0xffff):x}:{random.Next(0, 0xffff):x}:{random.Next(0, 0xffff):x}:{random.Next(0, 0xffff):x}:{random.Next(0, 0xffff):x}:{random.Next(1, 0xffff):x}");
}
