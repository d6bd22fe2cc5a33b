using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Cli;

/// <summary>Reads <c>--since</c>/<c>--until</c>: an ISO 8601 date or time (UTC unless an offset is given), or a span back from now such as <c>90m</c>, <c>24h</c>, <c>7d</c>.</summary>
internal static partial class TimeArgument
{
    public static bool TryParse(string text, TimeProvider time, out DateTimeOffset value)
    {
        if (TryParseSpan(text, out var span))
        {
            value = time.GetUtcNow() - span;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Reads a span such as <c>90s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c> or <c>2w</c>.</summary>
    public static bool TryParseSpan(string text, out TimeSpan span)
    {
        var relative = RelativePattern().Match(text);
        if (!relative.Success)
        {
            span = default;
            return false;
        }

        var amount = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
        span = relative.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
        return true;
    }

    [GeneratedRegex("^([0-9]{1,6})([smhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
