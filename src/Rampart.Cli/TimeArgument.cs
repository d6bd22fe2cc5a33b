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

    /// <summary>
    /// Reads an instant: an ISO 8601 date (<c>2024-05-01</c>, that day at 00:00 UTC) or date-time
    /// (<c>2024-05-01T12:00</c>, seconds and fraction optional), in UTC unless an offset (<c>Z</c>, <c>+02:00</c>) is given.
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        return InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
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

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    [GeneratedRegex("^([0-9]{1,6})([smhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
