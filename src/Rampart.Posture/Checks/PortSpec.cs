using System.Globalization;
using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>
/// The value of <c>ports-include</c>: a port (<c>22</c>), a range (<c>1024-2048</c>), either with a protocol
/// (<c>53/udp</c>; TCP when none), or <c>all</c> (every protocol and port). A rule admits it when its protocol is
/// <c>-1</c> (all), or is the same protocol and its port range covers the whole of the value's.
/// </summary>
internal sealed record PortSpec(int Protocol, int From, int To)
{
    public const int AllProtocols = -1;

    public static PortSpec? Parse(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetInt32(out var port) && port is >= 0 and <= 65535 ? new PortSpec(6, port, port) : null;
        if (value.ValueKind != JsonValueKind.String)
            return null;
        var text = value.GetString()!.Trim();
        if (text == "all")
            return new PortSpec(AllProtocols, 0, 65535);
        var protocol = 6;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (ProtocolNumber(text[(slash + 1)..]) is not { } number || number == AllProtocols)
                return null;
            protocol = number;
            text = text[..slash];
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? text : text[..dash];
        var toText = dash < 0 ? text : text[(dash + 1)..];
        if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var to) || from > to || to > 65535)
            return null;
        return new PortSpec(protocol, from, to);
    }

    /// <summary>The protocol number for a name or number (<c>tcp</c>, <c>6</c>, <c>-1</c>, <c>all</c>), or null.</summary>
    public static int? ProtocolNumber(string text) => text.Trim().ToLowerInvariant() switch
    {
        "-1" or "all" => AllProtocols,
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        "icmpv6" => 58,
        var other => int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 255 ? n : null,
    };

    /// <summary>
    /// Whether the rule (a security-group permission with <c>IpProtocol</c>/<c>FromPort</c>/<c>ToPort</c>, or a NACL entry
    /// with <c>Protocol</c>/<c>PortRange</c>) admits every port of this value; null when the rule has no protocol.
    /// </summary>
    public bool? AdmittedBy(JsonElement rule)
    {
        if (rule.ValueKind != JsonValueKind.Object)
            return null;
        JsonElement protocolElement;
        int from, to;
        if (rule.TryGetProperty("IpProtocol", out protocolElement))
        {
            from = Port(rule, "FromPort", 0);
            to = Port(rule, "ToPort", 65535);
        }
        else if (rule.TryGetProperty(nameof(Protocol), out protocolElement))
        {
            var range = rule.TryGetProperty("PortRange", out var r) ? r : default;
            from = Port(range, "From", 0);
            to = Port(range, "To", 65535);
        }
        else
        {
            return null;
        }

        var protocolText = protocolElement.ValueKind == JsonValueKind.Number ? protocolElement.GetRawText() : protocolElement.GetString() ?? "";
        if (ProtocolNumber(protocolText) is not { } protocol)
            return null;
        if (protocol == AllProtocols)
            return true;
        if (Protocol == AllProtocols || protocol != Protocol)
            return false;

        // For TCP and UDP a FromPort of -1 (as some exports print an unset range) means every port.
        if (from < 0)
            (from, to) = (0, 65535);
        return from <= From && to >= To;
    }

    private static int Port(JsonElement owner, string name, int unset) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var port) && port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var n)
            ? n
            : unset;
}
