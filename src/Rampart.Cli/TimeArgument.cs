using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Cli;

/// <summary>Reads <c>--since</c>/<c>--until</c>: an ISO 8601 date or time (UTC unless an offset is given), or a span back from now such as <c>90m</c>, <c>24h</c>, <c>7d</c>.</summary>
internal static partial class TimeArgument
{
    public static bool TryParse(string text, TimeProvider time, out DateTimeOffset value)
    {
        var relative = RelativePattern().Match(text);
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            var span = relative.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
            value = time.GetUtcNow() - span;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    [GeneratedRegex("^([0-9]{1,6})([mhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
