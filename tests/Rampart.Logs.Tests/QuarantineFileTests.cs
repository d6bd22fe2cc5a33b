using System.Text;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Logs.Quarantine;

namespace Rampart.Logs.Tests;

public sealed class QuarantineFileTests
{
    private static readonly Diagnostic Reason = new(DiagnosticSeverity.Error, "LOG003", "invalid JSON: oops; the record was skipped", new SourceLocation("logs/a.json", 7, 1, 3));

    [Fact]
    public void EachRecordIsOneJsonLineWithItsPlaceCodeMessageAndRawTextVerbatim()
    {
        var raw = "{\"eventName\":\"Ünïcödé <script> \\\"quoted\\\"\",\ttab}";
        using var buffer = new MemoryStream();
        using (var quarantine = new QuarantineFile(buffer, leaveOpen: true))
        {
            quarantine.Write(Reason, Encoding.UTF8.GetBytes(raw));
            quarantine.Write(Reason with { Location = new SourceLocation("logs/b.json") }, "x"u8);
            Assert.Equal(2, quarantine.Count);
        }

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["file", "line", "record", "code", "message", "raw"], first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("logs/a.json", first.RootElement.GetProperty("file").GetString());
        Assert.Equal(7, first.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(3, first.RootElement.GetProperty("record").GetInt32());
        Assert.Equal("LOG003", first.RootElement.GetProperty("code").GetString());
        Assert.Equal(Reason.Message, first.RootElement.GetProperty("message").GetString());
        Assert.Equal(raw, first.RootElement.GetProperty("raw").GetString());
        Assert.Contains("Ünïcödé <script>", lines[0], StringComparison.Ordinal);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("record").ValueKind);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreKeptAsBase64()
    {
        byte[] raw = [0x7B, 0xFF, 0xFE, 0x00, 0x7D];
        using var buffer = new MemoryStream();
        using (var quarantine = new QuarantineFile(buffer, leaveOpen: true))
            quarantine.Write(Reason, raw);

        using var line = JsonDocument.Parse(buffer.ToArray());
        Assert.False(line.RootElement.TryGetProperty("raw", out _));
        Assert.Equal(raw, line.RootElement.GetProperty("rawBase64").GetBytesFromBase64());
    }

    [Fact]
    public void AStreamedRecordIsTheBase64OfAllItsPieces()
    {
        var pieces = new[] { "first piece, ", "x", "", "a third piece of odd length" };
        using var buffer = new MemoryStream();
        using (var quarantine = new QuarantineFile(buffer, leaveOpen: true))
        {
            using (var record = ((IStreamingQuarantineSink)quarantine).Begin(Reason))
            {
                foreach (var piece in pieces)
                    record.Append(Encoding.UTF8.GetBytes(piece));
            }

            quarantine.Write(Reason, "after"u8);
        }

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var streamed = JsonDocument.Parse(lines[0]);
        Assert.Equal(string.Concat(pieces), Encoding.UTF8.GetString(streamed.RootElement.GetProperty("rawBase64").GetBytesFromBase64()));
        using var after = JsonDocument.Parse(lines[1]);
        Assert.Equal("after", after.RootElement.GetProperty("raw").GetString());
    }

    [Fact]
    public void WritersOnManyThreadsNeverInterleaveLines()
    {
        using var buffer = new MemoryStream();
        using (var quarantine = new QuarantineFile(buffer, leaveOpen: true))
        {
            Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                quarantine.Write(Reason, Encoding.UTF8.GetBytes($"record {i} " + new string('z', i % 300))));
            Assert.Equal(2000, quarantine.Count);
        }

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var raws = lines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("raw").GetString()!;
        }).ToList();
        Assert.Equal(2000, raws.Distinct().Count());
    }

    [Fact]
    public void TheFileIsCreatedAtItsPathAndClosedOnDispose()
    {
        var path = Path.Combine(Path.GetTempPath(), "rampart-quarantine-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using (var quarantine = new QuarantineFile(path))
                quarantine.Write(Reason, "kept"u8);

            Assert.Single(File.ReadAllLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
