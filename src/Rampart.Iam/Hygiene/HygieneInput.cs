using System.Text;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>Reads a whole input into UTF-8 bytes, within a size limit, the way every hygiene reader does.</summary>
internal static class HygieneInput
{
    /// <summary>Opens <paramref name="path"/>; null (and a diagnostic unless <paramref name="missingIsQuiet"/>) when it cannot be.</summary>
    public static FileStream? Open(string path, IDiagnosticSink diagnostics, bool missingIsQuiet = false)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (!missingIsQuiet)
                diagnostics.Report(HygieneDiagnostics.NotFound(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(HygieneDiagnostics.CannotRead(path, e.Message));
        }

        return null;
    }

    /// <summary>The stream's bytes as UTF-8 without a byte order mark; null, with a diagnostic, when too large or unreadable.</summary>
    public static byte[]? ReadAll(Stream stream, string source, long limit, IDiagnosticSink diagnostics)
    {
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            while (true)
            {
                var read = stream.Read(chunk, 0, chunk.Length);
                if (read == 0)
                    break;
                if (buffer.Length + read > limit)
                {
                    diagnostics.Report(HygieneDiagnostics.TooLarge(source, limit));
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Report(HygieneDiagnostics.CannotRead(source, e.Message));
            return null;
        }

        return ToUtf8(bytes);
    }

    private static byte[] ToUtf8(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return span[3..].ToArray();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(span[2..]));
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(span[2..]));
        return bytes;
    }
}
