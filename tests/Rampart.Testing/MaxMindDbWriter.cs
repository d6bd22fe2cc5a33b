using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Rampart.Testing;

/// <summary>
/// Writes small IPv4 MaxMind DB files (format 2.0, 24-bit records) for tests: networks mapped to records of strings,
/// unsigned numbers and nested maps, so the real MaxMind reader can be exercised without a downloaded database.
/// </summary>
public sealed class MaxMindDbWriter
{
    private static readonly string[] Languages = ["en"];

    private readonly List<(uint Network, int Prefix, Dictionary<string, object> Record)> _networks = [];

    /// <summary>Maps <paramref name="cidr"/> (IPv4, such as <c>198.51.100.0/24</c>) to <paramref name="record"/>.</summary>
    public MaxMindDbWriter Add(string cidr, Dictionary<string, object> record)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        _networks.Add((BinaryPrimitives.ReadUInt32BigEndian(address), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture), record));
        return this;
    }

    /// <summary>Writes the database to <paramref name="path"/>.</summary>
    public void Write(string path, string databaseType)
    {
        // The search tree: node 0 is the root; each node has a left (0 bit) and right (1 bit) record.
        var nodes = new List<int[]> { new[] { -1, -1 } };
        var leaves = new List<(int Node, int Side, int Record)>();
        var data = new List<byte>();
        var offsets = new List<int>();
        foreach (var (network, prefix, record) in _networks)
        {
            offsets.Add(data.Count);
            data.AddRange(Encode(record));
            var node = 0;
            for (var bit = 0; bit < prefix; bit++)
            {
                var side = (int)((network >> (31 - bit)) & 1);
                if (bit == prefix - 1)
                {
                    leaves.Add((node, side, offsets.Count - 1));
                    break;
                }

                if (nodes[node][side] < 0)
                {
                    nodes.Add([-1, -1]);
                    nodes[node][side] = nodes.Count - 1;
                }

                node = nodes[node][side];
            }
        }

        var count = nodes.Count;
        var tree = new byte[count * 6];
        for (var n = 0; n < count; n++)
        {
            for (var side = 0; side < 2; side++)
            {
                var value = nodes[n][side] >= 0 ? nodes[n][side] : count;
                foreach (var leaf in leaves)
                {
                    if (leaf.Node == n && leaf.Side == side)
                        value = count + 16 + offsets[leaf.Record];
                }

                var at = (n * 6) + (side * 3);
                tree[at] = (byte)(value >> 16);
                tree[at + 1] = (byte)(value >> 8);
                tree[at + 2] = (byte)value;
            }
        }

        using var file = File.Create(path);
        file.Write(tree);
        file.Write(new byte[16]);
        file.Write(data.ToArray());
        file.Write([0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8]);
        file.Write(Encode(new Dictionary<string, object>
        {
            ["node_count"] = (uint)count,
            ["record_size"] = (ushort)24,
            ["ip_version"] = (ushort)4,
            ["database_type"] = databaseType,
            ["languages"] = Languages,
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (ulong)1_764_000_000,
            ["description"] = new Dictionary<string, object> { ["en"] = "Rampart test database" },
        }));
    }

    private static byte[] Encode(object value)
    {
        var bytes = new List<byte>();
        void Control(int type, int size)
        {
            if (type <= 7)
            {
                bytes.Add((byte)((type << 5) | size));
            }
            else
            {
                bytes.Add((byte)size);
                bytes.Add((byte)(type - 7));
            }
        }

        void Unsigned(int type, ulong number)
        {
            var raw = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(raw, number);
            var skip = 0;
            while (skip < 8 && raw[skip] == 0)
                skip++;
            Control(type, 8 - skip);
            bytes.AddRange(raw[skip..]);
        }

        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(2, utf8.Length);
                bytes.AddRange(utf8);
                break;
            case ushort small:
                Unsigned(5, small);
                break;
            case uint number:
                Unsigned(6, number);
                break;
            case ulong large:
                Unsigned(9, large);
                break;
            case string[] items:
                Control(11, items.Length);
                foreach (var item in items)
                    bytes.AddRange(Encode(item));
                break;
            case Dictionary<string, object> map:
                Control(7, map.Count);
                foreach (var (key, item) in map)
                {
                    bytes.AddRange(Encode(key));
                    bytes.AddRange(Encode(item));
                }

                break;
            default:
                throw new ArgumentException("unsupported value " + value.GetType().Name, nameof(value));
        }

        return [.. bytes];
    }
}
