using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

public sealed class CloudTrailReadingTests
{
    [Fact]
    public void ARecordsFileYieldsEachRecordWithItsNumberAndLine()
    {
        var result = LogHarness.ReadText(RecordsFile(PutBucketPolicy, ConsoleLogin, DeleteTrailDenied), "trail.json");

        Assert.Empty(result.Problems);
        Assert.Equal([1L, 2L, 3L], result.Events.Select(e => e.Origin.Record));
        Assert.All(result.Events, e => Assert.Equal(1, e.Origin.Line));
        Assert.All(result.Events, e => Assert.Equal(LogSourceTypes.CloudTrail, e.SourceType));
        Assert.Equal(["PutBucketPolicy", "ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
    }

    [Fact]
    public void TheSummaryReadsTheCloudTrailFields()
    {
        var summary = LogHarness.ReadText(RecordsFile(PutBucketPolicy)).Events.Single().Summary;

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 15, 30, TimeSpan.Zero), summary.Time);
        Assert.Equal("0f8e2c1a-1111-4a5b-9c3d-000000000001", summary.EventId);
        Assert.Equal("PutBucketPolicy", summary.EventName);
        Assert.Equal("111122223333", summary.Account);
        Assert.Equal("eu-west-1", summary.Region);
        Assert.Equal("arn:aws:iam::111122223333:user/alice", summary.Actor);
        Assert.Equal("198.51.100.7", summary.SourceIp);
    }

    [Theory]
    [InlineData("""{"eventName":"A","userIdentity":{"accountId":"123456789012","principalId":"AIDAX"}}""", "123456789012", "AIDAX")]
    [InlineData("""{"eventName":"A","userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}}""", null, "ec2.amazonaws.com")]
    [InlineData("""{"eventName":"A","userIdentity":{"type":"Unknown"}}""", null, "Unknown")]
    public void TheAccountFallsBackToTheIdentityAndTheActorToThePrincipalThenTheService(string json, string? account, string actor)
    {
        var summary = LogHarness.ReadText(json).Events.Single().Summary;

        Assert.Equal(account, summary.Account);
        Assert.Equal(actor, summary.Actor);
    }

    [Fact]
    public void SigmaPathsResolveIntoTheEventItself()
    {
        var result = LogHarness.ReadText(
            RecordsFile(PutBucketPolicy, DeleteTrailDenied),
            fields: ["userIdentity.arn", "requestParameters.bucketName", "errorCode", "resources.ARN", "requestParameters.bucketPolicy.Statement.Principal"]);

        var put = result.Events[0];
        Assert.Equal("arn:aws:iam::111122223333:user/alice", put.Text("userIdentity.arn"));
        Assert.Equal("finance-reports", put.Text("requestParameters.bucketName"));
        Assert.Empty(put.Values("errorCode"));
        Assert.Equal("arn:aws:s3:::finance-reports", put.Text("resources.ARN"));
        Assert.Equal("*", put.Text("requestParameters.bucketPolicy.Statement.Principal"));
        Assert.Equal(FieldValue.FromString("AccessDenied"), result.Events[1].Value("errorCode"));
    }

    [Fact]
    public void AGzipRecordsFileIsRecognisedByItsMagicBytesWhateverItsName()
    {
        var result = LogHarness.ReadBytes(LogHarness.Gzip(RecordsFile(PutBucketPolicy, ConsoleLogin)), "named-like-plain-text.json");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void APrettyPrintedRecordsFileGivesEachRecordTheLineItStartsOn()
    {
        var text = "{\n  \"Records\": [\n    {\n      \"eventVersion\": \"1.08\",\n      \"eventName\": \"A\"\n    },\n    {\n      \"eventVersion\": \"1.08\",\n      \"eventName\": \"B\"\n    }\n  ]\n}\n";

        var result = LogHarness.ReadText(text);

        Assert.Empty(result.Problems);
        Assert.Equal(["A", "B"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal([3L, 7L], result.Events.Select(e => e.Origin.Line));
    }

    [Fact]
    public void SingleEventsAsJsonLinesAreReadLineByLine()
    {
        var result = LogHarness.ReadText(JsonLines(PutBucketPolicy, ConsoleLogin, DeleteTrailDenied));

        Assert.Empty(result.Problems);
        Assert.Equal([1L, 2L, 3L], result.Events.Select(e => e.Origin.Line));
        Assert.Equal([1L, 2L, 3L], result.Events.Select(e => e.Origin.Record));
    }

    [Fact]
    public void ATopLevelArrayOfEventsIsRead()
    {
        var result = LogHarness.ReadText("[" + PutBucketPolicy + ",\n" + ConsoleLogin + "]");

        Assert.Empty(result.Problems);
        Assert.Equal(["PutBucketPolicy", "ConsoleLogin"], result.Events.Select(e => e.Summary.EventName));
    }

    [Theory]
    [InlineData("AWS API Call via CloudTrail")]
    [InlineData("AWS Console Sign In via CloudTrail")]
    [InlineData("AWS Service Event via CloudTrail")]
    public void AnEventBridgeEnvelopeIsOpenedToItsDetail(string detailType)
    {
        var envelope = $$"""{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"{{detailType}}","source":"aws.signin","account":"111122223333","time":"2024-03-05T11:00:00Z","region":"us-east-1","resources":[],"detail":{{ConsoleLogin}}}""";

        var result = LogHarness.ReadText(envelope + "\n" + envelope + "\n", fields: ["userIdentity.arn", "detail-type", "eventName"]);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Events.Count);
        var login = result.Events[0];
        Assert.Equal(LogSourceTypes.CloudTrail, login.SourceType);
        Assert.Equal("arn:aws:iam::111122223333:root", login.Text("userIdentity.arn"));
        Assert.Empty(login.Values("detail-type"));
        Assert.StartsWith("{\"eventVersion\":\"1.09\"", login.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void ACloudTrailLakeQueryResultBecomesOneEventPerRow()
    {
        var text = """
            {"QueryStatus":"FINISHED","QueryStatistics":{"ResultsCount":2,"TotalResultsCount":2,"BytesScanned":4096},
             "QueryResultRows":[
               [{"eventTime":"2024-03-05 10:15:30.000"},{"eventName":"PutBucketPolicy"},{"eventSource":"s3.amazonaws.com"},{"recipientAccountId":"111122223333"}],
               [{"eventTime":"2024-03-05 11:00:00.000"},{"eventName":"ConsoleLogin"},{"eventSource":"signin.amazonaws.com"},{"recipientAccountId":"111122223333"}]
             ]}
            """;

        var result = LogHarness.ReadText(text, fields: ["eventSource"]);

        Assert.Empty(result.Problems);
        Assert.Equal(["PutBucketPolicy", "ConsoleLogin"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal("signin.amazonaws.com", result.Events[1].Text("eventSource"));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 11, 0, 0, TimeSpan.Zero), result.Events[1].Summary.Time);
        Assert.Equal("111122223333", result.Events[0].Summary.Account);
    }

    [Fact]
    public void EveryEventVersionAndUnknownFieldsAreTolerated()
    {
        var old = """{"eventVersion":"1.0","eventName":"RunInstances","eventTime":"2014-01-01T00:00:00Z"}""";
        var future = """{"eventVersion":"9.99","eventName":"FutureCall","brandNewBlock":{"a":[{"b":true}]},"eventTime":"2031-01-01T00:00:00Z"}""";

        var result = LogHarness.ReadText(RecordsFile(old, future, DeleteTrailDenied), fields: ["brandNewBlock.a.b", "someFieldFromTheFuture.nested"]);

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Events.Count);
        Assert.Equal(FieldValue.FromBoolean(true), result.Events[1].Value("brandNewBlock.a.b"));
        Assert.Equal(["1", "2", "3"], result.Events[2].Values("someFieldFromTheFuture.nested").Select(v => v.Text));
    }

    [Fact]
    public void ARecordHoldingEventsInsideItIsStillReadWhole()
    {
        // Inside the second record, `,{"eventVersion"` looks like the start of the next record; it is not.
        var holder = """{"eventVersion":"1.08","eventName":"Holder","inner":[{"eventVersion":"x"},{"eventVersion":"y"}]}""";

        var result = LogHarness.ReadText(RecordsFile(PutBucketPolicy, holder, ConsoleLogin, DeleteTrailDenied), fields: ["inner.eventVersion"]);

        Assert.Empty(result.Problems);
        Assert.Equal(["PutBucketPolicy", "Holder", "ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal(["x", "y"], result.Events[1].Values("inner.eventVersion").Select(v => v.Text));
    }

    [Fact]
    public void RecordsThatDoNotAllStartAlikeAreRead()
    {
        var reordered = """{"eventName":"Reordered","eventVersion":"1.08"}""";

        var result = LogHarness.ReadText(RecordsFile(PutBucketPolicy, reordered, ConsoleLogin, "  {\n \"eventVersion\": \"1.08\", \"eventName\": \"Spaced\"}"));

        Assert.Empty(result.Problems);
        Assert.Equal(["PutBucketPolicy", "Reordered", "ConsoleLogin", "Spaced"], result.Events.Select(e => e.Summary.EventName));
    }

    [Fact]
    public void WriteToCopiesTheRecordVerbatim()
    {
        var result = LogHarness.ReadText(RecordsFile(DeleteTrailDenied));

        Assert.Equal(DeleteTrailDenied, result.Events.Single().Json);
    }

    [Fact]
    public void AnS3TreeIsReadFileByFileInKeyOrder()
    {
        using var folder = new TempDirectory();
        var prefix = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/";
        folder.Write(prefix + "06/111122223333_CloudTrail_eu-west-1_20240306T0000Z_b.json.gz", LogHarness.Gzip(RecordsFile(DeleteTrailDenied)));
        folder.Write(prefix + "05/111122223333_CloudTrail_eu-west-1_20240305T1015Z_a.json.gz", LogHarness.Gzip(RecordsFile(PutBucketPolicy, ConsoleLogin)));
        folder.Write("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/05/111122223333_CloudTrail-Digest_eu-west-1_trail_eu-west-1_20240305T1015Z.json.gz", LogHarness.Gzip("{\"awsAccountId\":\"111122223333\"}"));
        folder.Write("AWSLogs/111122223333/CloudTrail-Insight/eu-west-1/2024/03/05/111122223333_CloudTrail-Insight_eu-west-1_20240305T1015Z_c.json.gz", LogHarness.Gzip(RecordsFile("""{"eventVersion":"1.07","eventType":"AwsCloudTrailInsight"}""")));
        var result = new ReadResult();

        foreach (var file in LogFiles.Discover([folder.Path], result.Diagnostics))
            result.Collect(LogReader.ReadFile(file, LogReadOptions.Default, result.Context), []);

        Assert.Equal(["PutBucketPolicy", "ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        var skip = Assert.Single(result.Problems);
        Assert.Equal($"{folder.Path}: LOG012: skipped 1 CloudTrail digest and 1 Insights files under this folder (they hold no API events)", skip.ToString());
        Assert.Equal(2, result.Statistics.FilesRead);
    }
}
