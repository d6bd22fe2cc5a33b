using System.Text;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void FilesRecordsAndBytesAreCountedAcrossFiles()
    {
        using var folder = new TempDirectory();
        var gzip = LogHarness.Gzip(RecordsFile(PutBucketPolicy, ConsoleLogin, "\"not a record\""));
        var plain = Encoding.UTF8.GetBytes(JsonLines(DeleteTrailDenied, "{broken"));
        var files = new[]
        {
            folder.Write("a.json.gz", gzip),
            folder.Write("b.jsonl", plain),
            folder.Write("c.bin", [0, 1, 2, 3]),
            folder.Write("d.json", ""),
        };
        var result = new ReadResult();

        foreach (var file in files)
            result.Collect(LogReader.ReadFile(file, LogReadOptions.Default, result.Context), []);

        var statistics = result.Statistics;
        Assert.Equal(2, statistics.FilesRead);
        Assert.Equal(2, statistics.FilesSkipped);
        Assert.Equal(3, statistics.RecordsRead);
        Assert.Equal(2, statistics.RecordsSkipped);
        Assert.Equal(gzip.Length + plain.Length + 4, statistics.CompressedBytes);
        Assert.Equal(RecordsFile(PutBucketPolicy, ConsoleLogin, "\"not a record\"").Length + plain.Length + 4, statistics.UncompressedBytes);
        Assert.Equal("2 files read, 2 skipped; 3 records read, 2 skipped; " + statistics.CompressedBytes.ToString("N0") + " bytes (" + statistics.UncompressedBytes.ToString("N0") + " uncompressed)", statistics.ToString());
    }

    [Fact]
    public void AReadStoppedEarlyStillCountsWhatItRead()
    {
        var result = new ReadResult();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(JsonLines(PutBucketPolicy, ConsoleLogin, DeleteTrailDenied)));

        string? first = null;
        foreach (var logEvent in LogReader.Read(stream, "events.jsonl", LogReadOptions.Default, result.Context))
        {
            first = logEvent.Summarize().EventName;
            break;
        }

        Assert.Equal("PutBucketPolicy", first);
        Assert.Equal(1, result.Statistics.RecordsRead);
        Assert.Equal(1, result.Statistics.FilesRead);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void ReadersInParallelShareOneContext()
    {
        using var folder = new TempDirectory();
        var files = Enumerable.Range(0, 16).Select(i => folder.Write($"f{i}.json.gz", LogHarness.Gzip(RecordsFile(PutBucketPolicy, ConsoleLogin, "{oops}")))).ToList();
        var result = new ReadResult();
        long events = 0;

        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
        {
            foreach (var logEvent in LogReader.ReadFile(file, LogReadOptions.Default, result.Context))
                Interlocked.Increment(ref events);
        });

        Assert.Equal(32, events);
        Assert.Equal(32, result.Statistics.RecordsRead);
        Assert.Equal(16, result.Statistics.RecordsSkipped);
        Assert.Equal(16, result.Quarantine.Records.Count);
        Assert.Equal(16, result.Problems.Length);
    }
}
