using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Logs.Tests.Support;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

public sealed class MalformedInputTests
{
    private static string ManyEvents(int count) => RecordsFile([.. Enumerable.Range(1, count).Select(i =>
        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-05T10:00:00Z\",\"eventName\":\"Call" + i + "\",\"eventID\":\"" + Guid.NewGuid()
        + "\",\"requestParameters\":{\"padding\":\"" + new string('x', 200 + (i % 50)) + "\"}}")]);

    [Fact]
    public void WhenTheGzipIsTruncatedTheRecordsBeforeTheCutAreStillRead()
    {
        var whole = LogHarness.Gzip(ManyEvents(2000));
        var cut = whole[..(whole.Length / 2)];

        var result = LogHarness.ReadBytes(cut, "trail.json.gz");

        Assert.InRange(result.Events.Count, 100, 1999);
        Assert.Equal(Enumerable.Range(1, result.Events.Count).Select(i => "Call" + i), result.Events.Select(e => e.Summary.EventName));
        Assert.Contains(LogDiagnostics.TruncatedCode, result.Codes);
        Assert.Contains(LogDiagnostics.GzipTruncatedCode, result.Codes);
        Assert.Equal(1, result.Statistics.RecordsSkipped);
        Assert.Equal(result.Events.Count, result.Statistics.RecordsRead);
    }

    [Fact]
    public void WhenAGzipIsCutBetweenTwoRecordsTheMissingTrailerStillTellsIt()
    {
        // Flushing makes the first line decodable on its own; cutting there leaves a gzip without its trailer.
        using var output = new MemoryStream();
        long cut;
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(JsonLines(PutBucketPolicy)));
            gzip.Flush();
            cut = output.Length;
            gzip.Write(Encoding.UTF8.GetBytes(JsonLines(ConsoleLogin)));
        }

        var result = LogHarness.ReadBytes(output.ToArray()[..(int)cut], "events.json.gz");

        Assert.Single(result.Events);
        Assert.Equal(["events.json.gz:2:1: LOG017: the gzip data ends before its trailer, so the file was cut short; the records before the cut were read"], result.Messages);
    }

    [Fact]
    public void AGzipOfSeveralConcatenatedMembersIsReadWholeWithoutComplaint()
    {
        var members = LogHarness.Gzip(JsonLines(PutBucketPolicy)).Concat(LogHarness.Gzip(JsonLines(ConsoleLogin, DeleteTrailDenied))).ToArray();

        var result = LogHarness.ReadBytes(members, "events.json.gz");

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Events.Count);
    }

    [Fact]
    public void CorruptGzipDataStopsTheFileWithADiagnosticAfterTheGoodRecords()
    {
        var whole = LogHarness.Gzip(ManyEvents(2000));
        for (var i = whole.Length / 2; i < (whole.Length / 2) + 64; i++)
            whole[i] ^= 0x5A;

        var result = LogHarness.ReadBytes(whole, "trail.json.gz");

        Assert.InRange(result.Events.Count, 1, 1999);
        Assert.Contains(result.Problems, p => p.Code == LogDiagnostics.DecompressionFailedCode && p.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void AnInvalidJsonLineIsSkippedAndTheNextLineIsRead()
    {
        var broken = """{"eventVersion":"1.08","eventName":"Broken",,"eventTime":"x"}""";

        var result = LogHarness.ReadText(JsonLines(PutBucketPolicy, broken, ConsoleLogin), "events.jsonl");

        Assert.Equal(["PutBucketPolicy", "ConsoleLogin"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal(["events.jsonl:2:45 record 2: LOG003: invalid JSON: ',' is an invalid start of a property name. Expected a '\"'; the record was skipped"], result.Messages);
        Assert.Equal([broken], result.Quarantine.Texts);
    }

    [Fact]
    public void ALineCutShortIsSkippedWithoutSwallowingTheNextLine()
    {
        var cut = PutBucketPolicy[..100];

        var result = LogHarness.ReadText(JsonLines(ConsoleLogin, cut, DeleteTrailDenied));

        Assert.Equal(["ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal(["input.log:2:1 record 2: LOG003: the line ends before its JSON value is complete; the record was skipped"], result.Messages);
        Assert.Equal([cut], result.Quarantine.Texts);
    }

    [Fact]
    public void AnInvalidRecordInsideARecordsArrayIsSkippedAndTheNextRecordRead()
    {
        var broken = """{"eventVersion":"1.08","eventName":tru}""";

        var result = LogHarness.ReadText(RecordsFile(PutBucketPolicy, broken, ConsoleLogin));

        Assert.Equal(["PutBucketPolicy", "ConsoleLogin"], result.Events.Select(e => e.Summary.EventName));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(LogDiagnostics.InvalidJsonCode, problem.Code);
        Assert.Equal(2, problem.Location.Record);
        Assert.Equal([broken], result.Quarantine.Texts);
    }

    [Fact]
    public void RecordsThatIsNotAnArrayIsReported()
    {
        var result = LogHarness.ReadText("""{"Records":{"eventName":"Oops"}}""");

        Assert.Empty(result.Events);
        Assert.Equal(["input.log:1:1 record 1: LOG005: `Records` holds an object, not an array of records; the record was skipped"], result.Messages);
    }

    [Fact]
    public void ARecordThatIsAStringIsSkippedAndItsNeighboursRead()
    {
        var result = LogHarness.ReadText(RecordsFile(PutBucketPolicy, "\"just text\"", "42", ConsoleLogin));

        Assert.Equal(2, result.Events.Count);
        Assert.Equal(
            ["expected a JSON object as a record but found a string; the record was skipped", "expected a JSON object as a record but found a number; the record was skipped"],
            result.Problems.Select(p => p.Message));
        Assert.Equal(["\"just text\"", "42"], result.Quarantine.Texts);
    }

    [Fact]
    public void ATopLevelLineThatIsNotAnObjectIsSkipped()
    {
        var result = LogHarness.ReadText(ConsoleLogin + "\n\"hello\"\nnot json at all\n" + ConsoleLogin + "\n");

        Assert.Equal(2, result.Events.Count);
        Assert.Equal([LogDiagnostics.NotAnObjectCode, LogDiagnostics.InvalidJsonCode], result.Codes);
        Assert.Equal(["\"hello\"", "not json at all"], result.Quarantine.Texts);
    }

    [Fact]
    public void TextBetweenRecordsOfAnArrayIsSkippedAndTheRecordsAfterItRead()
    {
        var result = LogHarness.ReadText("{\"Records\":[" + PutBucketPolicy + " garbage ," + ConsoleLogin + "]}");

        Assert.Equal(2, result.Events.Count);
        Assert.Equal([LogDiagnostics.InvalidJsonCode], result.Codes);
        Assert.Equal(["garbage "], result.Quarantine.Texts);
    }

    [Fact]
    public void AMissingCommaBetweenTwoRecordsIsForgiven()
    {
        var result = LogHarness.ReadText("{\"Records\":[" + PutBucketPolicy + ConsoleLogin + "]}");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void APlainFileCutInsideTheRecordsArrayReportsTheCutRecordAndTheOpenArray()
    {
        var text = RecordsFile(PutBucketPolicy, ConsoleLogin);
        var cut = text[..(text.Length - 40)];

        var result = LogHarness.ReadText(cut);

        Assert.Single(result.Events);
        Assert.Equal([LogDiagnostics.TruncatedCode, LogDiagnostics.TruncatedCode], result.Codes);
        Assert.Equal("the file ends in the middle of this record; the incomplete record was skipped", result.Problems[0].Message);
        Assert.Equal("the file ends inside the `Records` array; the records before the cut were read", result.Problems[1].Message);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsInvalidJson()
    {
        var deep = """{"eventVersion":"1.08","a":{"b":{"c":{"d":{"e":1}}}}}""";

        var result = LogHarness.ReadText(deep + "\n" + ConsoleLogin + "\n", options: new LogReadOptions { MaxDepth = 4 });

        Assert.Single(result.Events);
        Assert.Equal([LogDiagnostics.InvalidJsonCode], result.Codes);
        Assert.Contains("depth", result.Problems[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DiagnosticsAreCappedPerFileButEverySkippedRecordIsCountedAndQuarantined()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 30; i++)
            lines.Append("{\"eventName\":\"Bad").Append(i).Append("\",}\n");
        lines.Append(ConsoleLogin).Append('\n');

        var result = LogHarness.ReadText(lines.ToString(), "bad.jsonl");

        Assert.Single(result.Events);
        Assert.Equal(21, result.Problems.Length);
        Assert.Equal(Enumerable.Repeat(LogDiagnostics.InvalidJsonCode, 20), result.Codes.Take(20));
        Assert.Equal("bad.jsonl: LOG015: 10 more problems in this file were not listed; every skipped record was counted and quarantined", result.Messages[20]);
        Assert.Equal(30, result.Quarantine.Records.Count);
        Assert.Equal(30, result.Statistics.RecordsSkipped);
        Assert.Equal(1, result.Statistics.RecordsRead);
    }

    [Fact]
    public void TheCapIsConfigurable()
    {
        var result = LogHarness.ReadText(ConsoleLogin + "\nx\ny\nz\n", options: new LogReadOptions { MaxDiagnosticsPerFile = 1 });

        Assert.Equal([LogDiagnostics.InvalidJsonCode, LogDiagnostics.MoreProblemsCode], result.Codes);
        Assert.Equal(3, result.Quarantine.Records.Count);
    }
}
