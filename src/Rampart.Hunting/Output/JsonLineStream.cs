using System.Text.Json;

namespace Rampart.Hunting.Output;

/// <summary>One JSON value per line on a stream: the part the JSON lines and OCSF writers share.</summary>
internal sealed class JsonLineStream : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;

    public JsonLineStream(Stream stream, bool ownsStream)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        Json = new Utf8JsonWriter(stream);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Ends the value just written with a newline.</summary>
    public void EndLine()
    {
        Json.Flush();
        _stream.WriteByte((byte)'\n');
        Json.Reset();
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        Json.Dispose();
        if (_ownsStream)
            _stream.Dispose();
    }
}
