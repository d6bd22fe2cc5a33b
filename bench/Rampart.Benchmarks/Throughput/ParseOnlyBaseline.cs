using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Rampart.Benchmarks.Throughput;

/// <summary>
/// The limit a hunt is measured against: gunzip every file and take one <see cref="Utf8JsonReader"/>
/// pass over it, counting the records of the <c>Records</c> array. Nothing is built, nothing matched.
/// </summary>
internal static class ParseOnlyBaseline
{
    public static long CountRecords(IReadOnlyList<string> files, int threads)
    {
        long total = 0;
        Parallel.ForEach(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => 0L,
            (file, _, count) => count + CountFile(file),
            count => Interlocked.Add(ref total, count));
        return total;
    }

    internal static long CountFile(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var state = new JsonReaderState();
            long records = 0;
            var filled = 0;
            var final = false;
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = gzip.Read(buffer, filled, buffer.Length - filled);
                final = read == 0;
                filled += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (reader.Read())
                {
                    // Records are the objects one level inside the top-level Records array.
                    if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
                        records++;
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            return records;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
