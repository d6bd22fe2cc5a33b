using System.Text.Json;

namespace Rampart.Hunting.Output;

/// <summary>One JSON object per hit and line; the schema is in docs/hunt.md.</summary>
public sealed class JsonLinesHitWriter : IHitWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false };
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="stream"/>; disposes it when <paramref name="ownsStream"/>.</summary>
    public JsonLinesHitWriter(Stream stream, bool ownsStream)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(stream, Options);
    }

    /// <inheritdoc />
    public void Write(DetectionHit hit)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WritePropertyName("rule");
        HitJson.WriteRule(_json, hit.Rule);
        HitJson.WriteOptional(_json, "time", HitJson.FormatTime(hit.Summary.Time));
        _json.WriteString("sourceType", hit.SourceType);
        HitJson.WriteOptional(_json, "eventId", hit.Summary.EventId);
        HitJson.WriteOptional(_json, "eventName", hit.Summary.EventName);
        HitJson.WriteOptional(_json, "account", hit.Summary.Account);
        HitJson.WriteOptional(_json, "region", hit.Summary.Region);
        HitJson.WriteOptional(_json, "actor", hit.Summary.Actor);
        HitJson.WriteOptional(_json, "sourceIp", hit.Summary.SourceIp);
        _json.WriteStartObject("origin");
        _json.WriteString("file", hit.Origin.Path);
        _json.WriteNumber("line", hit.Origin.Line);
        _json.WriteNumber("record", hit.Origin.Record);
        _json.WriteEndObject();
        _json.WritePropertyName("event");
        _json.WriteRawValue(hit.EventJson.Span, skipInputValidation: true);
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
    }

    /// <inheritdoc />
    public void Complete(HuntSummary summary) => _stream.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        if (_ownsStream)
            _stream.Dispose();
    }
}
