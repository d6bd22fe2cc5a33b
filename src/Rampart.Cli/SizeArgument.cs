using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Cli;

/// <summary>Reads sizes such as <c>500MB</c>, <c>1.5GB</c>, <c>64KB</c> or a plain byte count (binary units: 1 MB = 2^20 bytes).</summary>
internal static partial class SizeArgument
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
            return false;
        var factor = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "KB" or "K" or "KIB" => 1L << 10,
            "MB" or "M" or "MIB" => 1L << 20,
            "GB" or "G" or "GIB" => 1L << 30,
            "TB" or "T" or "TIB" => 1L << 40,
            _ => 1L,
        };
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * factor;
        if (value is < 1 or > long.MaxValue / 2)
            return false;
        bytes = (long)value;
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([kmgt]i?b?|b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
