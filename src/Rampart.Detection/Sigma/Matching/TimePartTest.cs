using System.Globalization;
using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.Matching;

/// <summary>
/// A part of a timestamp (<c>minute</c> … <c>year</c>) equal to a number. Event values are ISO 8601
/// text, read with the clock and offset as written (Sigma does no time-zone conversion), or Unix epoch
/// seconds (milliseconds when larger than <see cref="EpochMillisecondsThreshold"/>), read as UTC.
/// Weeks are ISO 8601 weeks.
/// </summary>
internal sealed class TimePartTest(TimePart part, int expected, TextNormalization normalization) : PerValueTest(normalization)
{
    /// <summary>Epoch values above this are milliseconds: 10^11 seconds is the year 5138.</summary>
    public const double EpochMillisecondsThreshold = 1e11;

    protected override bool TestValue(in FieldValue value, ReadOnlySpan<char> text)
    {
        if (!TryReadTime(value, text, out var time))
            return false;
        var actual = part switch
        {
            TimePart.Minute => time.Minute,
            TimePart.Hour => time.Hour,
            TimePart.Day => time.Day,
            TimePart.Week => ISOWeek.GetWeekOfYear(time.DateTime),
            TimePart.Month => time.Month,
            _ => time.Year,
        };
        return actual == expected;
    }

    private static bool TryReadTime(in FieldValue value, ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        if (value.Kind is FieldValueKind.Number or FieldValueKind.String &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            var milliseconds = epoch > EpochMillisecondsThreshold ? epoch : epoch * 1000;
            if (milliseconds is >= -62135596800000 and <= 253402300799999)
            {
                time = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
                return true;
            }

            time = default;
            return false;
        }

        if (value.Kind == FieldValueKind.String)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out time);
        time = default;
        return false;
    }
}
