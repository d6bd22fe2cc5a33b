using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Rampart.Core;

namespace Rampart.Detection.Intel;

/// <summary>
/// A named threat-intelligence list: IP addresses, networks and domains. An address matches when it lies in
/// any listed network (the most specific listed network is reported); a name matches when it or any domain
/// above it is listed (<c>a.evil.example</c> matches <c>evil.example</c>). Immutable and thread-safe.
/// </summary>
public sealed class IntelList
{
    // Networks by family and prefix length, keyed by the masked address; prefix lengths most specific first.
    private readonly FrozenDictionary<UInt128, string>[] _ipv4;
    private readonly FrozenDictionary<UInt128, string>[] _ipv6;
    private readonly int[] _ipv4Prefixes;
    private readonly int[] _ipv6Prefixes;
    private readonly FrozenDictionary<string, string> _domains;

    private IntelList(string name, string source, Builder builder)
    {
        Name = name;
        Source = source;
        (_ipv4Prefixes, _ipv4) = Freeze(builder.IPv4);
        (_ipv6Prefixes, _ipv6) = Freeze(builder.IPv6);
        _domains = builder.Domains.ToFrozenDictionary(StringComparer.Ordinal);
        Count = builder.Count;
    }

    /// <summary>The list's name, as rules refer to it (compared case-insensitively).</summary>
    public string Name { get; }

    /// <summary>Where it was loaded from: a path or URL.</summary>
    public string Source { get; }

    /// <summary>How many distinct indicators it holds.</summary>
    public int Count { get; }

    /// <summary>Builds a list from indicators already checked by <see cref="Builder.TryAdd"/>.</summary>
    public static IntelList Create(string name, string source, Builder builder)
    {
        Guard.NotEmpty(name);
        Guard.NotNull(source);
        Guard.NotNull(builder);
        return new IntelList(name, source, builder);
    }

    /// <summary>
    /// Whether <paramref name="value"/> — an IP address, or a domain name with or without its final dot — is on
    /// the list; <paramref name="indicator"/> is the entry it matched as written in the list.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> value, out string indicator)
    {
        indicator = string.Empty;
        value = value.Trim();
        if (value.IsEmpty)
            return false;
        if (TryParseAddress(value, out var key, out var isIPv4))
            return isIPv4 ? MatchNetwork(key, 32, _ipv4Prefixes, _ipv4, out indicator) : MatchNetwork(key, 128, _ipv6Prefixes, _ipv6, out indicator);
        if (_domains.Count == 0 || value.Length > 512)
            return false;
        Span<char> lower = stackalloc char[value.Length];
        var length = value.ToLowerInvariant(lower);
        var name = lower[..length];
        if (name.Length > 1 && name[^1] == '.')
            name = name[..^1];
        var lookup = _domains.GetAlternateLookup<ReadOnlySpan<char>>();
        while (true)
        {
            if (lookup.TryGetValue(name, out var found))
            {
                indicator = found;
                return true;
            }

            var dot = name.IndexOf('.');
            if (dot < 0)
                return false;
            name = name[(dot + 1)..];
        }
    }

    private static bool MatchNetwork(UInt128 address, int bits, int[] prefixes, FrozenDictionary<UInt128, string>[] networks, out string indicator)
    {
        for (var i = 0; i < prefixes.Length; i++)
        {
            if (networks[i].TryGetValue(address & Mask(prefixes[i], bits), out var found))
            {
                indicator = found;
                return true;
            }
        }

        indicator = string.Empty;
        return false;
    }

    private static UInt128 Mask(int prefix, int bits) => prefix == 0 ? UInt128.Zero : (UInt128.MaxValue << (bits - prefix)) & (bits == 32 ? (UInt128)uint.MaxValue : UInt128.MaxValue);

    private static (int[] Prefixes, FrozenDictionary<UInt128, string>[] Networks) Freeze(SortedDictionary<int, Dictionary<UInt128, string>> byPrefix)
    {
        var prefixes = byPrefix.Keys.Reverse().ToArray();
        return (prefixes, [.. prefixes.Select(prefix => byPrefix[prefix].ToFrozenDictionary())]);
    }

    internal static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 key, out bool isIPv4)
    {
        key = UInt128.Zero;
        isIPv4 = false;
        if (text.Length > 64 || !IPAddress.TryParse(text, out var address))
            return false;

        // IPAddress also reads legacy forms such as "10.1" and bare numbers; intelligence never means those.
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (text.Count('.') != 3)
                return false;
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            key = BinaryPrimitives.ReadUInt32BigEndian(v4);
            isIPv4 = true;
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        if (address.IsIPv4MappedToIPv6)
            return TryParseAddress(address.MapToIPv4().ToString(), out key, out isIPv4);
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        key = BinaryPrimitives.ReadUInt128BigEndian(v6);
        return true;
    }

    /// <summary>Collects and checks indicators for a list.</summary>
    public sealed class Builder
    {
        internal SortedDictionary<int, Dictionary<UInt128, string>> IPv4 { get; } = [];

        internal SortedDictionary<int, Dictionary<UInt128, string>> IPv6 { get; } = [];

        internal Dictionary<string, string> Domains { get; } = new(StringComparer.Ordinal);

        /// <summary>How many distinct indicators were added.</summary>
        public int Count { get; private set; }

        /// <summary>
        /// Adds an address (<c>198.51.100.7</c>, <c>2001:db8::1</c>), a network (<c>198.51.100.0/24</c>), a domain
        /// (<c>evil.example</c>, <c>*.evil.example</c>) or a URL, whose host is added. False when it is none of these.
        /// </summary>
        public bool TryAdd(string indicator)
        {
            Guard.NotNull(indicator);
            var text = indicator.Trim();
            if (text.Length == 0)
                return false;
            if (TryAddNetwork(text))
                return true;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" && uri.Host.Length > 0)
                text = uri.IdnHost.Trim('[', ']');
            if (TryAddNetwork(text))
                return true;
            if (text.StartsWith("*.", StringComparison.Ordinal))
                text = text[2..];
            text = text.TrimEnd('.').ToLowerInvariant();
            if (!IsDomain(text))
                return false;
            if (Domains.TryAdd(text, indicator.Trim()))
                Count++;
            return true;
        }

        private bool TryAddNetwork(string text)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
            if (!TryParseAddress(addressText, out var key, out var isIPv4))
                return false;
            var bits = isIPv4 ? 32 : 128;
            var prefix = bits;
            if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
                return false;
            var byPrefix = isIPv4 ? IPv4 : IPv6;
            if (!byPrefix.TryGetValue(prefix, out var networks))
                byPrefix[prefix] = networks = [];
            if (networks.TryAdd(key & Mask(prefix, bits), text))
                Count++;
            return true;
        }

        private static bool IsDomain(string text)
        {
            if (text.Length is 0 or > 253 || !text.Contains('.', StringComparison.Ordinal))
                return false;

            // A name's last label is never all digits: "300.1.2.3" is a broken address, not a domain.
            if (text[(text.LastIndexOf('.') + 1)..].All(char.IsAsciiDigit))
                return false;
            foreach (var label in text.Split('.'))
            {
                if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                    return false;
                foreach (var c in label)
                {
                    if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                        return false;
                }
            }

            return true;
        }
    }
}
