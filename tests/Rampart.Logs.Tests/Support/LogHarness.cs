using System.IO.Compression;
using System.Text;

namespace Rampart.Logs.Tests.Support;

/// <summary>Reads test input the way the hunt does and keeps what came out.</summary>
internal static class LogHarness
{
    public static ReadResult ReadText(string text, string path = "input.log", LogReadOptions? options = null, string[]? fields = null) =>
        ReadBytes(Encoding.UTF8.GetBytes(text), path, options, fields);

    public static ReadResult ReadBytes(byte[] bytes, string path = "input.log", LogReadOptions? options = null, string[]? fields = null)
    {
        var result = new ReadResult();
        using var stream = new MemoryStream(bytes);
        result.Collect(LogReader.Read(stream, path, options ?? LogReadOptions.Default, result.Context), fields ?? []);
        return result;
    }

    public static ReadResult ReadFile(string path, LogReadOptions? options = null, string[]? fields = null)
    {
        var result = new ReadResult();
        result.Collect(LogReader.ReadFile(path, options ?? LogReadOptions.Default, result.Context), fields ?? []);
        return result;
    }

    public static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }
}
