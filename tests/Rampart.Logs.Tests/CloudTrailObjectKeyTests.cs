namespace Rampart.Logs.Tests;

public sealed class CloudTrailObjectKeyTests
{
    [Theory]
    [InlineData("export/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/05/111122223333_CloudTrail_eu-west-1_20240305T1015Z_abc.json.gz", "111122223333", "eu-west-1", "2024-03-05")]
    [InlineData("s3://bucket/prefix/AWSLogs/o-abc123def4/111122223333/CloudTrail/us-east-1/2023/12/31/file.json.gz", "111122223333", "us-east-1", "2023-12-31")]
    [InlineData(@"C:\logs\AWSLogs\444455556666\CloudTrail\ap-south-1\2024\02\29\f.json.gz", "444455556666", "ap-south-1", "2024-02-29")]
    [InlineData("downloads/111122223333_CloudTrail_us-west-2_20240101T2355Z_Xyz0123.json.gz", "111122223333", "us-west-2", "2024-01-01")]
    public void TheAccountRegionAndDayAreReadFromTheKey(string path, string account, string region, string day)
    {
        Assert.True(CloudTrailObjectKey.TryParse(path, out var parsedAccount, out var parsedRegion, out var date));

        Assert.Equal(account, parsedAccount);
        Assert.Equal(region, parsedRegion);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("logs/events.json")]
    [InlineData("AWSLogs/111122223333/CloudTrail/eu-west-1/2024/13/05/f.json.gz")]
    [InlineData("AWSLogs/1111/CloudTrail/eu-west-1/2024/03/05/f.json.gz")]
    [InlineData("AWSLogs/111122223333/vpcflowlogs/eu-west-1/2024/03/05/f.log.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/05")]
    public void PathsOutsideTheLayoutAreNotParsed(string path)
    {
        Assert.False(CloudTrailObjectKey.TryParse(path, out var account, out var region, out _));

        Assert.Equal("", account);
        Assert.Equal("", region);
    }
}
