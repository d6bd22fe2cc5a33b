using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Sources;
using Rampart.Logs.Tests.Support;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

/// <summary>How JSON records become events: one validating pass, lookups into the bytes, and events that expire.</summary>
public sealed class JsonRecordReadingTests
{
    [Theory]
    [InlineData("a Records file")]
    [InlineData("JSON lines")]
    [InlineData("records after another property")]
    public void ACloudTrailEventUsedAfterTheReaderMovedOnThrowsInsteadOfShowingAnotherRecord(string shape)
    {
        var text = shape switch
        {
            "a Records file" => RecordsFile(PutBucketPolicy, ConsoleLogin),
            "JSON lines" => JsonLines(PutBucketPolicy, ConsoleLogin),
            _ => "{\"meta\":{\"from\":\"export\"},\"Records\":[" + PutBucketPolicy + "," + ConsoleLogin + "]}",
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var context = new LogReadContext(new DiagnosticBag());
        using var events = LogReader.Read(stream, "input.log", LogReadOptions.Default, context).GetEnumerator();
        Assert.True(events.MoveNext());
        var first = events.Current;
        Assert.Equal("PutBucketPolicy", first.Summarize().EventName);
        Assert.True(events.MoveNext());

        Assert.Throws<InvalidOperationException>(() => first.CollectValues(FieldPath.Parse("eventName"), []));
        Assert.Throws<InvalidOperationException>(first.ToUtf8Json);
        Assert.Equal("ConsoleLogin", events.Current.Summarize().EventName);
    }

    [Fact]
    public void RecordsAfterAnotherPropertyAreReadOneByOneAndABadOneIsSkippedVerbatim()
    {
        var text = "{\"meta\":{\"from\":\"export\"},\"Records\":[" + PutBucketPolicy + ",\n  \"not a record\"," + DeleteTrailDenied + "]}";

        var result = LogHarness.ReadText(text, fields: ["userIdentity.arn"]);

        Assert.Equal(["PutBucketPolicy", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal(["input.log:1 record 1", "input.log:1 record 3"], result.Events.Select(e => e.Origin.ToString()));
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/Ops/mallory", result.Events[1].Text("userIdentity.arn"));
        Assert.Equal(DeleteTrailDenied, result.Events[1].Json);
        Assert.Equal([LogDiagnostics.NotAnObjectCode], result.Codes);
        Assert.Equal("\"not a record\"", Encoding.UTF8.GetString(Assert.Single(result.Quarantine.Records).Raw));
    }

    [Fact]
    public void AnEnvelopeWhoseDetailSaysNothingIsTakenForWhatItsOwnShapeSays()
    {
        var envelope = """{"detail-type":"Custom Event","detail":{"note":"no known shape"},"eventSource":"custom.example","eventName":"Custom"}""";

        var result = LogHarness.ReadText(envelope + "\n", fields: ["detail.note"]);

        Assert.Empty(result.Problems);
        var read = Assert.Single(result.Events);
        Assert.Equal(LogSourceTypes.CloudTrail, read.SourceType);
        Assert.Equal("Custom", read.Summary.EventName);
        Assert.Equal("no known shape", read.Text("detail.note"));
        Assert.Equal(envelope, read.Json);
    }

    [Fact]
    public void PropertyNamesWithEscapesAreRecognisedAndSummarised()
    {
        var escaped = """{"event\u0056ersion":"1.08","eventN\u0061me":"GetObject","userIdentity":{"\u0061rn":"arn:aws:iam::111122223333:user/bob"},"eventTime":"2024-03-05T10:15:30Z"}""";

        var result = LogHarness.ReadText(escaped + "\n");

        Assert.Empty(result.Problems);
        var read = Assert.Single(result.Events);
        Assert.Equal(LogSourceTypes.CloudTrail, read.SourceType);
        Assert.Equal("GetObject", read.Summary.EventName);
        Assert.Equal("arn:aws:iam::111122223333:user/bob", read.Summary.Actor);
    }

    [Fact]
    public void AnEventsBytesAreTheRecordWithoutTheWhitespaceAroundIt()
    {
        var result = LogHarness.ReadText(JsonLines(ConsoleLogin).Replace("\n", "  \r\n", StringComparison.Ordinal));

        Assert.Empty(result.Problems);
        Assert.Equal(ConsoleLogin, Assert.Single(result.Events).Json);
    }

    [Theory]
    [InlineData("2024-03-05T10:15:30Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-03-05T24:00:00Z")]
    [InlineData("2024-03-05T10:15:60Z")]
    [InlineData("0000-03-05T10:15:30Z")]
    [InlineData("2024-03-05T10:15:30.123Z")]
    [InlineData("2024-03-05T10:15:30+02:00")]
    [InlineData("2024-03-05 10:15:30")]
    [InlineData("2024-03-05T1a:15:30Z")]
    [InlineData("٢٠٢٤-03-05T10:15:30Z")]
    [InlineData("1709633730")]
    [InlineData("yesterday")]
    public void TimesReadTheQuickWayAgreeWithTheGeneralParser(string text)
    {
        var expected = GeneralParse(text);

        var parsed = JsonFields.ParseTime(text);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected?.Offset, parsed?.Offset);
    }

    // The quick way remembers the day it read last: times of one day in a row, broken ones among them, and other
    // days after them must all read as the general parser reads them.
    [Fact]
    public void TimesReadOneAfterAnotherAgreeWithTheGeneralParserWhateverDayCameBefore()
    {
        string[] times =
        [
            "2024-02-29T10:00:00Z", "2024-02-29T24:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
            "2024-02-29T00:00:01Z", "2024-03-01T00:00:00Z", "2024-02-29T1a:00:00Z", "2024-02-29T12:30:45Z",
            "2025-02-28T23:59:59Z", "2025-02-29T00:00:00Z", "2025-02-28T00:00:00Z",
        ];

        Assert.Equal(times.Select(GeneralParse), times.Select(JsonFields.ParseTime));
    }

    private static DateTimeOffset? GeneralParse(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? JsonFields.EpochSeconds(seconds)
            : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : null;
}
