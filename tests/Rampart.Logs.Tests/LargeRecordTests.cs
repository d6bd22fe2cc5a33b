using System.Text;
using System.Text.Json;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

public sealed class LargeRecordTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Fact]
    public void AFiftyMegabyteLineIsSkippedAndStreamedToTheQuarantineWithoutHoldingIt()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("huge.jsonl");
        var prefix = "{\"eventVersion\":\"1.08\",\"eventName\":\"Huge\",\"padding\":\""u8.ToArray();
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(ConsoleLogin + "\n"));
            file.Write(prefix);
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var written = prefix.Length; written < FiftyMegabytes; written += chunk.Length)
                file.Write(chunk);
            file.Write("\"}\n"u8);
            file.Write(Encoding.UTF8.GetBytes(DeleteTrailDenied + "\n"));
        }

        var lineLength = new FileInfo(path).Length - ConsoleLogin.Length - DeleteTrailDenied.Length - 3;
        var quarantinePath = folder.Combine("quarantine.jsonl");
        var result = new ReadResult();
        long allocated;
        using (var quarantine = new QuarantineFile(quarantinePath))
        {
            var context = new LogReadContext(result.Diagnostics, quarantine, result.Statistics);
            var before = GC.GetAllocatedBytesForCurrentThread();
            result.Collect(LogReader.ReadFile(path, LogReadOptions.Default, context), []);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(["ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal([$"{path}:2:1 record 2: LOG006: the record is larger than the limit of 8,388,608 bytes (MaxRecordBytes); it was skipped"], result.Messages);
        Assert.Equal(1, result.Statistics.RecordsSkipped);
        Assert.True(allocated < lineLength / 2, $"reading allocated {allocated:N0} bytes for a {lineLength:N0}-byte line");

        using var kept = JsonDocument.Parse(File.ReadAllText(quarantinePath));
        var raw = kept.RootElement.GetProperty("rawBase64").GetBytesFromBase64();
        Assert.Equal(lineLength, raw.Length);
        Assert.True(raw.AsSpan().StartsWith(prefix));
        Assert.True(raw.AsSpan().EndsWith("aa\"}"u8));
        Assert.Equal(2, kept.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("LOG006", kept.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public void TheRecordLimitIsConfigurableAndASinkThatCannotStreamGetsTheFirstPart()
    {
        var big = "{\"eventVersion\":\"1.08\",\"eventName\":\"Big\",\"padding\":\"" + new string('b', 5000) + "\"}";
        var options = new LogReadOptions { MaxRecordBytes = 1024 };

        var result = LogHarness.ReadText(JsonLines(ConsoleLogin, big, DeleteTrailDenied), options: options);

        Assert.Equal(2, result.Events.Count);
        Assert.Equal([LogDiagnostics.RecordTooLargeCode], result.Codes);
        Assert.Contains("1,024 bytes", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(big[..1024], Assert.Single(result.Quarantine.Texts));
    }

    [Fact]
    public void AnOversizedRecordInsideARecordsArrayIsSkippedAndTheArrayGoesOn()
    {
        var big = "{\"eventVersion\":\"1.08\",\"eventName\":\"Big\",\"nested\":{\"list\":[" + string.Join(",", Enumerable.Repeat("{\"k\":\"v]}\"}", 4000)) + "]}}";
        var options = new LogReadOptions { MaxRecordBytes = 4096 };
        var result = new ReadResult();
        using var buffer = new MemoryStream();
        using (var quarantine = new QuarantineFile(buffer, leaveOpen: true))
        {
            var context = new LogReadContext(result.Diagnostics, quarantine, result.Statistics);
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(RecordsFile(ConsoleLogin, big, DeleteTrailDenied)));
            result.Collect(LogReader.Read(input, "trail.json", options, context), []);
        }

        Assert.Equal(["ConsoleLogin", "DeleteTrail"], result.Events.Select(e => e.Summary.EventName));
        Assert.Equal([LogDiagnostics.RecordTooLargeCode], result.Codes);
        using var kept = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(big, Encoding.UTF8.GetString(kept.RootElement.GetProperty("rawBase64").GetBytesFromBase64()));
        Assert.Equal(2, kept.RootElement.GetProperty("record").GetInt32());
    }

    [Fact]
    public void AnOversizedFlowLineIsSkippedAndTheNextLineRead()
    {
        var line = "2 111122223333 eni-0a1b 203.0.113.12 10.0.1.5 51234 22 6 10 840 1709633730 1709633790 ACCEPT OK";
        var options = new LogReadOptions { MaxRecordBytes = 1024 };

        var result = LogHarness.ReadText(line + "\n" + line + new string(' ', 3000) + "x\n" + line + "\n", options: options);

        Assert.Equal(2, result.Events.Count);
        Assert.Equal([LogDiagnostics.RecordTooLargeCode], result.Codes);
        Assert.Equal(2, result.Problems[0].Location.Line);
    }
}
