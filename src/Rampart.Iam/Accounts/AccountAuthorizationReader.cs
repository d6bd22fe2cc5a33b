using System.Text;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Reads the output of <c>aws iam get-account-authorization-details</c> into an <see cref="AccountAuthorizationDetails"/>.
/// </summary>
/// <remarks>
/// <para>
/// Accepts what the AWS CLI prints (policy documents as JSON objects) and what the raw API returns (documents as
/// URL-encoded JSON strings); one page, several pages concatenated (<c>{…}{…}</c>, as a shell loop over
/// <c>--starting-token</c> writes them) or an array of pages (<c>[{…},{…}]</c>). <c>Marker</c> and <c>IsTruncated</c> are
/// ignored. UTF-8 with or without a byte order mark, and UTF-16 with one (what Windows PowerShell redirection writes).
/// </para>
/// <para>
/// Never throws on bad input: every problem is reported to the sink (codes in <see cref="AuthorizationDiagnostics"/>,
/// messages naming the JSON path, locations with line and column) and the rest is still read. Entries that cannot be used
/// (a user without a name, an inline policy whose document is not JSON) are left out; unknown members are ignored.
/// </para>
/// <para>
/// The input is held in memory once and walked with <see cref="System.Text.Json.Utf8JsonReader"/>, without a document
/// tree; policy documents are kept as the text the file holds, unparsed. The input's bytes are held only while it is read; the model keeps the documents' text.
/// Line and column numbers are worked out only when something is reported; columns count bytes, as System.Text.Json's do.
/// </para>
/// </remarks>
public static class AccountAuthorizationReader
{
    /// <summary>The name an unnamed stream is given in diagnostics and origins.</summary>
    public const string UnnamedSource = "<stream>";

    /// <summary>The largest input read, 1 GiB: the input is held in memory while it is read.</summary>
    public const long MaxInputBytes = 1L << 30;

    /// <summary>At most this many diagnostics are reported per input (100); one more says the rest were not.</summary>
    public const int MaxDiagnostics = 100;

    /// <summary>The deepest JSON nesting accepted (64); export pages with policy documents nest about a dozen levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads the file at <paramref name="path"/>; problems are reported with that path as written.</summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="library">Managed policies to use where the export attaches a policy it does not hold; null for none.</param>
    public static AccountAuthorizationDetails Read(string path, IDiagnosticSink diagnostics, ManagedPolicyLibrary? library = null)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return Read(stream, path, diagnostics, library);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Report(AuthorizationDiagnostics.NotFound(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(AuthorizationDiagnostics.CannotRead(path, e.Message));
        }

        return AccountAuthorizationDetails.Empty;
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed), naming it <c>&lt;stream&gt;</c> in diagnostics and origins.</summary>
    public static AccountAuthorizationDetails Read(Stream stream, IDiagnosticSink diagnostics) => Read(stream, UnnamedSource, diagnostics);

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics and origins.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="source">Names it in diagnostics and origins.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="library">Managed policies to use where the export attaches a policy it does not hold; null for none.</param>
    public static AccountAuthorizationDetails Read(Stream stream, string source, IDiagnosticSink diagnostics, ManagedPolicyLibrary? library = null)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        byte[] bytes;
        int length;
        try
        {
            if (!TryReadAll(stream, out bytes, out length))
            {
                diagnostics.Report(AuthorizationDiagnostics.TooLarge(source, MaxInputBytes));
                return AccountAuthorizationDetails.Empty;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Report(AuthorizationDiagnostics.CannotRead(source, e.Message));
            return AccountAuthorizationDetails.Empty;
        }

        return ReadUtf8(ToUtf8(bytes.AsMemory(0, length)), source, diagnostics, library);
    }

    /// <summary>Reads JSON text held in a string; <paramref name="source"/> names it in diagnostics and origins.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">Names it in diagnostics and origins.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="library">Managed policies to use where the export attaches a policy it does not hold; null for none.</param>
    public static AccountAuthorizationDetails Parse(string json, string source, IDiagnosticSink diagnostics, ManagedPolicyLibrary? library = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return ReadUtf8(Encoding.UTF8.GetBytes(json), source, diagnostics, library);
    }

    private static AccountAuthorizationDetails ReadUtf8(ReadOnlyMemory<byte> utf8, string source, IDiagnosticSink diagnostics, ManagedPolicyLibrary? library) =>
        new AuthorizationJsonReader(utf8, source, diagnostics, library).Read();

    private static bool TryReadAll(Stream stream, out byte[] bytes, out int length)
    {
        var capacity = 64 * 1024;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > MaxInputBytes)
            {
                bytes = [];
                length = 0;
                return false;
            }

            // One byte more than announced, so that a file growing while read is noticed by the loop below.
            capacity = (int)Math.Max(remaining + 1, 1);
        }

        bytes = new byte[capacity];
        length = 0;
        while (true)
        {
            if (length == bytes.Length)
            {
                if (bytes.Length >= MaxInputBytes)
                    return false;
                Array.Resize(ref bytes, (int)Math.Min((long)bytes.Length * 2, MaxInputBytes + 1));
            }

            var read = stream.Read(bytes, length, bytes.Length - length);
            if (read == 0)
                return length <= MaxInputBytes;
            length += read;
        }
    }

    private static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return bytes[3..];
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(span[2..]));
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(span[2..]));
        return bytes;
    }
}
