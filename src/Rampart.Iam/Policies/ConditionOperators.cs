using System.Globalization;
using System.Net;

namespace Rampart.Iam.Policies;

/// <summary>Condition operator names: parsing <c>ForAnyValue:StringLikeIfExists</c> into its parts, and checking policy values.</summary>
internal static class ConditionOperators
{
    private static readonly Dictionary<string, ConditionOperator> ByName =
        Enum.GetValues<ConditionOperator>().ToDictionary(op => op.ToString(), StringComparer.Ordinal);

    public static (ConditionOperator Operator, ConditionSet Set, bool IfExists)? TryParse(string name)
    {
        var set = ConditionSet.None;
        var rest = name;
        if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            set = ConditionSet.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            set = ConditionSet.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
            rest = rest[..^"IfExists".Length];
        if (!ByName.TryGetValue(rest, out var op))
            return null;

        // Null has no IfExists form: the key's presence is what it tests.
        if (op == ConditionOperator.Null && ifExists)
            return null;
        return (op, set, ifExists);
    }

    /// <summary>A hint for a misspelt operator: the known name equal to it but for case, if any.</summary>
    public static string Suggestion(string name)
    {
        var bare = name[(name.LastIndexOf(':') + 1)..];
        if (bare == "NullIfExists")
            return "; Null has no IfExists form, as it tests whether the key is present";
        var match = ByName.Keys.FirstOrDefault(known => string.Equals(known, bare, StringComparison.OrdinalIgnoreCase)
            || string.Equals(known + "IfExists", bare, StringComparison.OrdinalIgnoreCase));
        return match is null ? "" : $"; operators are case-sensitive: did you mean '{name[..(name.Length - bare.Length)]}{(bare.EndsWith("ifexists", StringComparison.OrdinalIgnoreCase) ? match + "IfExists" : match)}'?";
    }

    /// <summary>Why <paramref name="value"/> cannot be compared by <paramref name="op"/>, or null when it can.</summary>
    public static string? CheckValue(ConditionOperator op, string value)
    {
        if (value.Contains("${", StringComparison.Ordinal))
            return null;
        return op switch
        {
            >= ConditionOperator.NumericEquals and <= ConditionOperator.NumericGreaterThanEquals =>
                TryNumber(value, out _) ? null : "is not a number",
            >= ConditionOperator.DateEquals and <= ConditionOperator.DateGreaterThanEquals =>
                TryDate(value, out _) ? null : "is not a date (ISO 8601, such as 2026-01-31T00:00:00Z, or epoch seconds)",
            ConditionOperator.Bool or ConditionOperator.Null =>
                value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) ? null : "is neither true nor false",
            ConditionOperator.IpAddress or ConditionOperator.NotIpAddress =>
                TryNetwork(value, out _) ? null : "is not an IP address or CIDR network",
            ConditionOperator.BinaryEquals => TryBinary(value, out _) ? null : "is not base64",
            _ => null,
        };
    }

    public static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    public static bool TryDate(string text, out DateTimeOffset date)
    {
        if (text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300800)
        {
            date = DateTimeOffset.UnixEpoch.AddSeconds(seconds);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date)
            && text.Length >= 8 && char.IsAsciiDigit(text[0]);
    }

    public static bool TryNetwork(string text, out (byte[] Network, int Prefix) network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8))
            return false;
        network = (bytes, prefix);
        return true;
    }

    public static bool TryBinary(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
