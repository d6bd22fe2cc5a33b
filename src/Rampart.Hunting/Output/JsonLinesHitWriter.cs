using System.Text.Json;

namespace Rampart.Hunting.Output;

/// <summary>One JSON object per hit and line; the schema is in docs/hunt.md.</summary>
public sealed class JsonLinesHitWriter : IHitWriter
{
    private readonly JsonLineStream _lines;

    /// <summary>Writes to <paramref name="stream"/>; disposes it when <paramref name="ownsStream"/>.</summary>
    public JsonLinesHitWriter(Stream stream, bool ownsStream)
    {
        _lines = new JsonLineStream(stream, ownsStream);
    }

    /// <inheritdoc />
    public void Write(DetectionHit hit)
    {
        var json = _lines.Json;
        json.WriteStartObject();
        json.WritePropertyName("rule");
        HitJson.WriteRule(json, hit.Rule);
        HitJson.WriteOptional(json, "time", HitJson.FormatTime(hit.Summary.Time));
        json.WriteString("sourceType", hit.SourceType);
        HitJson.WriteOptional(json, "eventId", hit.Summary.EventId);
        HitJson.WriteOptional(json, "eventName", hit.Summary.EventName);
        HitJson.WriteOptional(json, "account", hit.Summary.Account);
        HitJson.WriteOptional(json, "region", hit.Summary.Region);
        HitJson.WriteOptional(json, "actor", hit.Summary.Actor);
        HitJson.WriteOptional(json, "sourceIp", hit.Summary.SourceIp);
        HitJson.WriteIntel(json, hit.Intel);
        if (hit.Correlation is { } correlation)
        {
            HitJson.WriteCorrelation(json, correlation);
        }
        else
        {
            HitJson.WriteOrigin(json, hit);
            json.WritePropertyName("event");
            json.WriteRawValue(hit.EventJson.Span, skipInputValidation: true);
        }
        json.WriteEndObject();
        _lines.EndLine();
    }

    /// <inheritdoc />
    public void Complete(HuntSummary summary) => _lines.Flush();

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();
}
