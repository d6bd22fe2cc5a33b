using System.Buffers;
using System.Text;
using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Core.Tests.Events;

public sealed class JsonLogEventAccessTests
{
    private const string Pretty = """
        {
          "eventTime": "2024-03-05T10:15:30Z",
          "port": 443,
          "empty": "",
          "flag": true,
          "none": null,
          "userIdentity": { "type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/Ops/alice", "sessionContext": { "mfa": "true" } },
          "resources": [ { "ARN": "arn:aws:s3:::a" } ]
        }
        """;

    private static readonly JsonLogEvent Event = JsonLogEvent.Parse(Pretty, LogSourceTypes.CloudTrail);

    [Theory]
    [InlineData("eventTime", "2024-03-05T10:15:30Z")]
    [InlineData("port", "443")]
    [InlineData("empty", "")]
    [InlineData("userIdentity.arn", "arn:aws:sts::111122223333:assumed-role/Ops/alice")]
    [InlineData("userIdentity.sessionContext.mfa", "true")]
    public void TextIsAStringOrANumberAsWritten(string path, string expected)
    {
        Assert.True(Event.TryGetText(FieldPath.Parse(path), out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("none")]
    [InlineData("absent")]
    [InlineData("userIdentity")]
    [InlineData("userIdentity.absent")]
    [InlineData("port.absent")]
    [InlineData("resources.ARN")]
    public void TextIsNotFoundForOtherKindsAbsentFieldsOrPathsThroughArrays(string path)
    {
        Assert.False(Event.TryGetText(FieldPath.Parse(path), out var text));
        Assert.Null(text);
    }

    [Fact]
    public void ATopLevelTextIsOneTableLookup()
    {
        Assert.True(Event.TryGetText("port"u8, out var port));
        Assert.Equal("443", port);
        Assert.False(Event.TryGetText("userIdentity"u8, out _));
        Assert.False(Event.TryGetText("absent"u8, out _));
    }

    [Fact]
    public void AStringReadLatelyIsGivenAgainWhenTheNextEventHoldsTheSameValue()
    {
        var path = FieldPath.Parse("userIdentity.arn");
        var first = JsonLogEvent.Parse("""{"userIdentity":{"arn":"arn:aws:iam::1:user/alice"}}""", LogSourceTypes.CloudTrail);
        var same = JsonLogEvent.Parse("""{"userIdentity":{"arn":"arn:aws:iam::1:user/alice"}}""", LogSourceTypes.CloudTrail);
        var other = JsonLogEvent.Parse("""{"userIdentity":{"arn":"arn:aws:iam::1:user/bobby"}}""", LogSourceTypes.CloudTrail);
        string? recent = null;

        Assert.True(first.TryGetText(path, ref recent, out var alice));
        Assert.Same(alice, recent);
        Assert.True(same.TryGetText(path, ref recent, out var again));
        Assert.Same(alice, again);
        Assert.True(other.TryGetText(path, ref recent, out var bob));
        Assert.Equal("arn:aws:iam::1:user/bobby", bob);
        Assert.Same(bob, recent);
        Assert.False(other.TryGetText(FieldPath.Parse("userIdentity.absent"), ref recent, out _));

        var values = new List<FieldValue>();
        same.CollectValues(path, values);
        string? kept = alice;
        Assert.Same(alice, values[0].TextReusing(ref kept));
        values.Clear();
        other.CollectValues(path, values);
        Assert.Equal("arn:aws:iam::1:user/bobby", values[0].TextReusing(ref kept));
        Assert.Equal("arn:aws:iam::1:user/bobby", kept);
    }

    [Fact]
    public void TheJsonIsCopiedAndWrittenVerbatim()
    {
        Assert.Equal(Pretty, Encoding.UTF8.GetString(Event.ToUtf8Json()));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Event.WriteTo(writer);
        Assert.Equal(Pretty, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(Pretty, Encoding.UTF8.GetString(Event.Utf8Json.Span));
    }

    [Fact]
    public void TheSummaryIsReadFromTheEventItself()
    {
        var logEvent = JsonLogEvent.Parse(Pretty, LogSourceTypes.CloudTrail, e => new EventSummary
        {
            Actor = e.TryGetText(FieldPath.Parse("userIdentity.arn"), out var arn) ? arn : null,
        });

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/Ops/alice", logEvent.Summarize().Actor);
        Assert.Equal(new EventSummary(), Event.Summarize());
    }
}
