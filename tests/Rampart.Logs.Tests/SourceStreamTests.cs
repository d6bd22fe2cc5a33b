using System.Buffers.Binary;
using Rampart.Logs.Input;

namespace Rampart.Logs.Tests;

public sealed class SourceStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8192)]
    [InlineData(SourceStream.ChunkSize)]
    [InlineData(SourceStream.ChunkSize + 3)]
    public void ReadsOfAnySizeAfterAPeekHandOutEveryByteOnceAndKeepTheTail(int readSize)
    {
        var data = new byte[(3 * SourceStream.ChunkSize) + 12345];
        new Random(7).NextBytes(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(data.Length - 4), 0xDEADBEEF);
        using var source = new SourceStream(new MemoryStream(data));

        Assert.Equal(data.AsSpan(0, 2), source.Peek(2));
        var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            copy.Write(buffer, 0, read);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(data.Length, source.BytesRead);
        Assert.True(source.TryGetGzipTrailerSize(out var size));
        Assert.Equal(0xDEADBEEFu, size);
    }

    [Fact]
    public void PeekingAShortStreamGivesWhatThereIs()
    {
        using var source = new SourceStream(new MemoryStream([0x1f]));

        Assert.Equal([0x1f], source.Peek(2).ToArray());
        Assert.Equal(0x1f, source.ReadByte());
        Assert.Equal(-1, source.ReadByte());
        Assert.False(source.TryGetGzipTrailerSize(out _));
    }
}
