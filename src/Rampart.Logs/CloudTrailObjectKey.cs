using System.Globalization;
using Rampart.Core;

namespace Rampart.Logs;

/// <summary>
/// Reads the account, region and day out of the path of a CloudTrail log file, so that files outside a hunt's
/// filters can be skipped without opening them.
/// </summary>
public static class CloudTrailObjectKey
{
    /// <summary>
    /// Parses the S3 layout <c>…/AWSLogs/[o-org/]&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;file&gt;</c>, or
    /// else the file name <c>&lt;account&gt;_CloudTrail_&lt;region&gt;_YYYYMMDDTHHmmZ_&lt;id&gt;.json.gz</c>. Separators may
    /// be <c>/</c> or <c>\</c>.
    /// </summary>
    /// <param name="path">A file path or S3 key.</param>
    /// <param name="account">The 12-digit account id; empty when the path has no CloudTrail layout.</param>
    /// <param name="region">The region; empty when the path has no CloudTrail layout.</param>
    /// <param name="date">The UTC day the file's events belong to.</param>
    /// <returns>Whether the path follows the CloudTrail layout.</returns>
    public static bool TryParse(string path, out string account, out string region, out DateOnly date)
    {
        Guard.NotNull(path);
        account = region = "";
        date = default;
        var segments = path.Split('/', '\\');
        for (var i = 1; i + 5 < segments.Length; i++)
        {
            if (segments[i] != "CloudTrail" || !IsAccount(segments[i - 1]) || segments[i + 1].Length == 0)
                continue;
            if (TryDate(segments[i + 2], segments[i + 3], segments[i + 4], out date))
            {
                account = segments[i - 1];
                region = segments[i + 1];
                return true;
            }
        }

        return TryParseFileName(segments[^1], out account, out region, out date);
    }

    private static bool TryParseFileName(string name, out string account, out string region, out DateOnly date)
    {
        account = region = "";
        date = default;
        var parts = name.Split('_');
        if (parts.Length < 5 || parts[1] != "CloudTrail" || !IsAccount(parts[0]) || parts[2].Length == 0 || parts[3].Length < 8)
            return false;
        var day = parts[3];
        if (!TryDate(day[..4], day[4..6], day[6..8], out date))
            return false;
        account = parts[0];
        region = parts[2];
        return true;
    }

    private static bool IsAccount(string text) => text.Length == 12 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        return year.Length == 4 && month.Length == 2 && day.Length == 2
            && DateOnly.TryParseExact(year + "-" + month + "-" + day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
