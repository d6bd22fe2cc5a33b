using System.Globalization;

namespace Rampart.GameDays.Telemetry.Generation;

/// <summary>The S3 key layouts AWS delivers each source under.</summary>
internal static class FileNames
{
    public static string CloudTrail(string account, string region, long delivered, DeterministicRandom random)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(delivered);
        return "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DateFolders(time) + "/"
            + account + "_CloudTrail_" + region + "_" + TextIds.FileStamp(time) + "_" + TextIds.MixedAlphanumeric16(random) + ".json.gz";
    }

    public static string VpcFlow(string account, string region, string flowLogId, long delivered, DeterministicRandom random)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(delivered);
        return "AWSLogs/" + account + "/vpcflowlogs/" + region + "/" + DateFolders(time) + "/"
            + account + "_vpcflowlogs_" + region + "_" + flowLogId + "_" + TextIds.FileStamp(time) + "_" + TextIds.Hex(random, 8) + ".log.gz";
    }

    public static string Route53Resolver(string account, string vpcId, long delivered, DeterministicRandom random)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(delivered);
        return "AWSLogs/" + account + "/vpcdnsquerylogs/" + vpcId + "/" + DateFolders(time) + "/"
            + vpcId + "_vpcdnsquerylogs_" + account + "_" + TextIds.FileStamp(time) + "_" + TextIds.Hex(random, 8) + ".log.gz";
    }

    private static string DateFolders(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
}
