using System.Text;
using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Core.Tests.Events;

public sealed class JsonRecordTests
{
    [Fact]
    public void TheTopLevelPropertiesAreFoundByNameWithTheirKindAndBytes()
    {
        var record = JsonRecord.Parse("""{"eventVersion":"1.08","count":12,"ok":true,"nested":{"a":[1,2]}}""");

        Assert.Equal(JsonValueKind.Object, record.ValueKind);
        Assert.Equal(4, record.PropertyCount);
        Assert.True(record.FirstPropertyIs("eventVersion"u8));
        Assert.False(record.FirstPropertyIs("count"u8));
        Assert.Equal(JsonValueKind.Number, record.GetPropertyKind("count"u8));
        Assert.Equal(JsonValueKind.Undefined, record.GetPropertyKind("missing"u8));
        Assert.True(record.TryGetProperty("nested"u8, out var nested));
        Assert.Equal("""{"a":[1,2]}""", Encoding.UTF8.GetString(nested.Span));
        Assert.True(record.TryGetString("eventVersion"u8, out var version));
        Assert.Equal("1.08", version);
        Assert.False(record.TryGetString("count"u8, out _));
    }

    [Fact]
    public void WhitespaceAroundTheValueIsLeftOutOfItsBytes()
    {
        var record = new JsonRecord();

        Assert.True(record.TryLoad("  \r\n {\"a\" : 1 }\r\n "u8.ToArray(), out _));

        Assert.Equal("{\"a\" : 1 }", Encoding.UTF8.GetString(record.Utf8Json.Span));
        Assert.True(record.HasProperty("a"u8));
    }

    [Theory]
    [InlineData("""{"a":1} x""")]
    [InlineData("""{"a":[1,2}""")]
    [InlineData("{\n  \"a\": tru\n}")]
    [InlineData("""{"a":""")]
    [InlineData("  ")]
    [InlineData("")]
    public void InvalidJsonFailsToLoadAndSaysWhereAsJsonDocumentWould(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
        var record = new JsonRecord();

        Assert.False(record.TryLoad(bytes, out var error));

        Assert.Equal(expected.Message, error.Message);
        Assert.Equal(expected.LineNumber, error.LineNumber);
        Assert.Equal(expected.BytePositionInLine, error.BytePositionInLine);
        Assert.False(record.IsLoaded);
        Assert.Equal(JsonValueKind.Undefined, record.ValueKind);
    }

    [Fact]
    public void NestingDeeperThanTheLimitFailsToLoad()
    {
        var record = new JsonRecord(maxDepth: 3);

        Assert.True(record.TryLoad("""{"a":{"b":{}}}"""u8.ToArray(), out _));
        Assert.False(record.TryLoad("""{"a":{"b":{"c":{}}}}"""u8.ToArray(), out var error));
        Assert.Contains("maximum configured depth of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedNameResolvesToItsLastOccurrenceAsJsonElementDoes()
    {
        const string Json = """{"a":1,"b":{"c":"first","c":"last"},"a":2}""";
        using var document = JsonDocument.Parse(Json);
        var logEvent = JsonLogEvent.Parse(Json, LogSourceTypes.CloudTrail);

        Assert.Equal(document.RootElement.GetProperty("a").GetRawText(), Texts(logEvent, "a").Single());
        Assert.Equal(document.RootElement.GetProperty("b").GetProperty("c").GetString(), Texts(logEvent, "b.c").Single());
        Assert.Equal(["2"], Texts(logEvent, "a"));
        Assert.Equal(["last"], Texts(logEvent, "b.c"));
    }

    [Fact]
    public void NamesWithTheSameDigestAreToldApartByTheirBytes()
    {
        // Same length, same first, middle and last byte: the lookup's digests collide.
        var logEvent = JsonLogEvent.Parse("""{"aXmYz":1,"aQmRz":2,"n":{"aXmYz":"inner","aQmRz":"other"}}""", LogSourceTypes.CloudTrail);

        Assert.Equal(["1"], Texts(logEvent, "aXmYz"));
        Assert.Equal(["2"], Texts(logEvent, "aQmRz"));
        Assert.Equal(["inner"], Texts(logEvent, "n.aXmYz"));
        Assert.Empty(Texts(logEvent, "aZmZz"));
    }

    [Fact]
    public void NamesOfEveryLengthThatDifferInOneByteOutsideTheDigestAreToldApart()
    {
        // The digest holds a name's length and its first, middle and last byte: every other byte is compared, for
        // every length the comparison treats apart (words of four and eight bytes, and longer names).
        for (var length = 4; length <= 40; length++)
        {
            var name = new string('a', length);
            var skip = new HashSet<int> { 0, length / 2, length - 1 };
            foreach (var at in Enumerable.Range(0, length).Where(i => !skip.Contains(i)))
            {
                var other = string.Concat(name.AsSpan(0, at), "b", name.AsSpan(at + 1));
                var logEvent = JsonLogEvent.Parse($$"""{"{{name}}":"same","{{other}}":"other"}""", LogSourceTypes.CloudTrail);

                Assert.Equal(["same"], Texts(logEvent, name));
                Assert.Equal(["other"], Texts(logEvent, other));
            }
        }
    }

    [Fact]
    public void AnEscapedPropertyNameMatchesItsUnescapedForm()
    {
        var logEvent = JsonLogEvent.Parse("""{"ev\u0065ntName":"GetObject","outer":{"caf\u00e9":"x","a\"b":"quoted"}}""", LogSourceTypes.CloudTrail);

        Assert.Equal(["GetObject"], Texts(logEvent, "eventName"));
        Assert.Equal(["x"], Texts(logEvent, "outer.café"));
        Assert.Equal(["quoted"], Texts(logEvent, "outer.a\"b"));
        Assert.True(logEvent.TryGetText("eventName"u8, out var name));
        Assert.Equal("GetObject", name);
    }

    [Fact]
    public void StringEscapesAreDecoded()
    {
        var logEvent = JsonLogEvent.Parse("""{"s":"tab\there \"quoted\" \\ \/ caf\u00e9 \ud83d\ude00 line\nend"}""", LogSourceTypes.CloudTrail);

        Assert.Equal(["tab\there \"quoted\" \\ / café \U0001F600 line\nend"], Texts(logEvent, "s"));
    }

    [Fact]
    public void BytesThatAreNotUtf8BecomeReplacementCharactersInsteadOfAnException()
    {
        var record = new JsonRecord();
        byte[] json = [.. "{\"s\":\"a"u8, 0xC3, 0x28, .. "b\",\"t\":\"x\\u00e9"u8, 0xFF, .. "\"}"u8];

        Assert.True(record.TryLoad(json, out _));
        var logEvent = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());

        Assert.Equal(["a\uFFFD(b"], Texts(logEvent, "s"));
        Assert.Equal(["xé\uFFFD"], Texts(logEvent, "t"));
    }

    [Fact]
    public void ALoneEscapedSurrogateIsKeptAsItIs()
    {
        var logEvent = JsonLogEvent.Parse("""{"s":"a\ud800b"}""", LogSourceTypes.CloudTrail);

        Assert.Equal(["a\ud800b"], Texts(logEvent, "s"));
    }

    [Fact]
    public void ARecordWhoseRootIsAnArrayFansPathsOutOverItsElements()
    {
        var logEvent = JsonLogEvent.Parse("""[{"a":1},[{"a":2}],{"b":3},"x"]""", LogSourceTypes.CloudTrail);

        Assert.Equal(JsonValueKind.Array, logEvent.ValueKind);
        Assert.Equal(["1", "2"], Texts(logEvent, "a"));
        Assert.False(logEvent.TryGetText(FieldPath.Parse("a"), out _));
    }

    [Fact]
    public void LookupsRepeatedOnOneRecordGiveTheSameValues()
    {
        var logEvent = JsonLogEvent.Parse("""{"r":{"items":[{"p":1,"q":{"x":"a"}},{"p":2,"q":{"x":"b"}}]},"s":"v"}""", LogSourceTypes.CloudTrail);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["a", "b"], Texts(logEvent, "r.items.q.x"));
            Assert.Equal(["1", "2"], Texts(logEvent, "r.items.p"));
            Assert.Equal(["""{"x":"a"}""", """{"x":"b"}"""], Texts(logEvent, "r.items.q"));
            Assert.Equal(["v"], Texts(logEvent, "s"));
        }
    }

    [Fact]
    public void LoadingAnotherRecordExpiresEventsMadeOverThePreviousOne()
    {
        var record = new JsonRecord();
        Assert.True(record.TryLoad("""{"eventName":"First"}"""u8.ToArray(), out _));
        var first = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
        Assert.Equal(["First"], Texts(first, "eventName"));

        Assert.True(record.TryLoad("""{"eventName":"Second"}"""u8.ToArray(), out _));

        var expired = Assert.Throws<InvalidOperationException>(() => Texts(first, "eventName"));
        Assert.Contains("only valid until the reader's next MoveNext", expired.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(first.ToUtf8Json);
        Assert.Throws<InvalidOperationException>(() => first.Summarize());
        var second = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
        Assert.Equal(["Second"], Texts(second, "eventName"));
    }

    [Fact]
    public void ClearingExpiresEventsAndEventsNeedALoadedRecord()
    {
        var record = new JsonRecord();
        Assert.Throws<InvalidOperationException>(() => new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary()));
        Assert.True(record.TryLoad("{}"u8.ToArray(), out _));
        var logEvent = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());

        record.Clear();

        Assert.False(record.IsLoaded);
        Assert.Throws<InvalidOperationException>(() => logEvent.CollectAllValues([]));
    }

    [Fact]
    public void AFailedLoadAlsoExpiresEvents()
    {
        var record = new JsonRecord();
        Assert.True(record.TryLoad("""{"a":1}"""u8.ToArray(), out _));
        var logEvent = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());

        Assert.False(record.TryLoad("{"u8.ToArray(), out _));

        Assert.Throws<InvalidOperationException>(() => Texts(logEvent, "a"));
    }

    [Fact]
    public void AParsedEventAnsweredFromManyThreadsAtOnceGivesEveryThreadTheSameValues()
    {
        // Wide objects and long arrays, so that locating their members takes long enough for threads to collide.
        var wide = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"k{i}\":{{\"v\":\"{i}\",\"w\":[{i},{i + 1}]}}"));
        var items = string.Join(",", Enumerable.Range(0, 300).Select(i => $"{{\"c\":{i},\"d\":{{\"e\":\"x{i}\"}}}}"));
        var json = $"{{\"a\":{{{wide}}},\"b\":[{items}],\"h\":\"z\"}}";
        string[] paths = ["a.k299.v", "a.k150.w", "b.c", "b.d.e", "b.d", "h", "a.k7", "missing.x"];
        var reference = JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail);
        var expected = paths.Select(path => string.Join("|", Texts(reference, path))).ToArray();
        const int Threads = 4;

        for (var round = 0; round < 40; round++)
        {
            // A fresh event each round, so that the threads race to locate and decode its values first.
            var shared = JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail);
            var results = new string[Threads][];
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = [.. paths.Select((_, p) => string.Join("|", Texts(shared, paths[(p + i) % paths.Length])))];
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            for (var i = 0; i < Threads; i++)
            {
                for (var p = 0; p < paths.Length; p++)
                    Assert.Equal(expected[(p + i) % paths.Length], results[i][p]);
            }
        }
    }

    [Fact]
    public void TopLevelObjectsThatLookupsWentIntoAreLocatedWhileTheNextRecordsAreRead()
    {
        var record = new JsonRecord();
        string Record(int i) => $$$$"""{"eventName":"e{{{{i}}}}","userIdentity":{"type":"AssumedRole","sessionContext":{"sessionIssuer":{"arn":"role{{{{i}}}}"}}},"requestParameters":{"bucketName":"b{{{{i}}}}"}}""";
        var arn = FieldPath.Parse("userIdentity.sessionContext.sessionIssuer.arn");

        Assert.True(record.TryLoad(System.Text.Encoding.UTF8.GetBytes(Record(0)), out _));
        Assert.False(record.IsLocated("userIdentity"u8));
        var first = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
        Assert.Equal(["role0"], Texts(first, arn.Name));

        for (var i = 1; i < 4; i++)
        {
            Assert.True(record.TryLoad(System.Text.Encoding.UTF8.GetBytes(Record(i)), out _));
            Assert.True(record.IsLocated("userIdentity"u8));
            Assert.False(record.IsLocated("requestParameters"u8));
            var logEvent = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
            Assert.Equal([$"role{i}"], Texts(logEvent, arn.Name));
        }

        // Looked into once, requestParameters is located while reading from then on.
        var third = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
        Assert.Equal(["b3"], Texts(third, "requestParameters.bucketName"));
        Assert.True(record.TryLoad(System.Text.Encoding.UTF8.GetBytes(Record(9)), out _));
        Assert.True(record.IsLocated("requestParameters"u8));
        var last = new JsonLogEvent(LogSourceTypes.CloudTrail, record, default, _ => new EventSummary());
        Assert.Equal(["b9"], Texts(last, "requestParameters.bucketName"));
        Assert.Equal(["role9"], Texts(last, arn.Name));
    }

    [Fact]
    public void ObjectsLocatedWhileReadingAndThoseLocatedLaterAnswerAlike()
    {
        // Ten levels (deeper than are located while reading), objects inside arrays, a repeated name at depth,
        // and a record wide enough to run past the slots located while reading.
        var deep = "{\"v\":\"bottom\",\"v\":\"last\"}";
        for (var level = 9; level >= 0; level--)
            deep = $"{{\"l{level}\":{deep},\"n{level}\":{level},\"a{level}\":[{{\"x\":\"in-array-{level}\"}}]}}";
        var wide = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"w{i}\":{{\"id\":\"w{i}\",\"inner\":{{\"k\":{i}}}}}"));
        var json = "{\"deep\":" + deep + "," + wide + "}";
        using var document = JsonDocument.Parse(json);
        var logEvent = JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail);

        var paths = new List<string> { "deep.l0.l1.l2.l3.l4.l5.l6.l7.l8.l9.v", "deep.l0.l1.l2.l3.l4.l5.l6.n7", "deep.a0.x", "deep.l0.l1.l2.l3.l4.l5.a6.x" };
        paths.AddRange(Enumerable.Range(0, 300).Where(i => i % 37 == 0 || i > 290).SelectMany(i => new[] { $"w{i}.id", $"w{i}.inner.k" }));
        foreach (var path in paths)
        {
            var element = document.RootElement;
            foreach (var segment in path.Split('.'))
                element = element.ValueKind == JsonValueKind.Array ? element[0].GetProperty(segment) : element.GetProperty(segment);
            var expected = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            Assert.Equal([expected], Texts(logEvent, path));
        }
    }

    [Theory]
    [InlineData("{\"a\":{\"b\":[1,2]},\"c\":\"x\"},{\"next\":1}]", JsonPrefixLoad.Loaded, 25)]
    [InlineData("  \"text\" , 2", JsonPrefixLoad.Loaded, 8)]
    [InlineData("{\"a\":{\"b\":[1,2", JsonPrefixLoad.Incomplete, 0)]
    [InlineData("{\"a\":12", JsonPrefixLoad.Incomplete, 0)]
    [InlineData("123", JsonPrefixLoad.Incomplete, 0)]
    [InlineData("{\"a\":tru", JsonPrefixLoad.Incomplete, 0)]
    [InlineData("{\"a\" 1}", JsonPrefixLoad.Invalid, 0)]
    [InlineData("]", JsonPrefixLoad.Invalid, 0)]
    public void APrefixLoadFindsWhereTheValueEndsOrSaysWhyNot(string bytes, JsonPrefixLoad expected, int expectedLength)
    {
        var record = new JsonRecord();

        var result = record.TryLoadPrefix(System.Text.Encoding.UTF8.GetBytes(bytes), out var length);

        Assert.Equal(expected, result);
        Assert.Equal(expectedLength, length);
        Assert.Equal(expected == JsonPrefixLoad.Loaded, record.IsLoaded);
    }

    [Fact]
    public void APrefixLoadedRecordAnswersLookups()
    {
        var record = new JsonRecord();
        var bytes = "{\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"Root\"}},{\"eventName\":\"Next\"}"u8.ToArray();

        Assert.Equal(JsonPrefixLoad.Loaded, record.TryLoadPrefix(bytes, out var length));
        Assert.Equal(bytes.AsSpan(0, length).ToArray(), record.Utf8Json.ToArray());
        Assert.True(record.TryGetString("eventName"u8, out var name));
        Assert.Equal("GetObject", name);
    }

    private static List<string?> Texts(JsonLogEvent logEvent, string path)
    {
        var values = new List<FieldValue>();
        logEvent.CollectValues(FieldPath.Parse(path), values);
        return values.Select(value => value.Text).ToList();
    }
}
