using System.Globalization;
using CsvHelper;

namespace Rampart.Hunting.Output;

/// <summary>One row per hit with the summary fields; the event itself is left to the JSON formats.</summary>
public sealed class CsvHitWriter : IHitWriter
{
    private static readonly string[] Header =
    [
        "time", "rule_id", "rule_title", "level", "tags", "author", "source_type", "event_id", "event_name",
        "account", "region", "actor", "source_ip", "file", "line", "record", "intel",
    ];

    private readonly CsvWriter _csv;

    /// <summary>Writes to <paramref name="writer"/>, which it disposes.</summary>
    public CsvHitWriter(TextWriter writer)
    {
        _csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var name in Header)
            _csv.WriteField(name);
        _csv.NextRecord();
    }

    /// <inheritdoc />
    public void Write(DetectionHit hit)
    {
        _csv.WriteField(HitJson.FormatTime(hit.Summary.Time));
        _csv.WriteField(hit.Rule.Id);
        _csv.WriteField(hit.Rule.Title);
        _csv.WriteField(hit.Rule.Level);
        _csv.WriteField(string.Join(' ', hit.Rule.Tags));
        _csv.WriteField(hit.Rule.Author);
        _csv.WriteField(hit.SourceType);
        _csv.WriteField(hit.Summary.EventId);
        _csv.WriteField(hit.Summary.EventName);
        _csv.WriteField(hit.Summary.Account);
        _csv.WriteField(hit.Summary.Region);
        _csv.WriteField(hit.Summary.Actor);
        _csv.WriteField(hit.Summary.SourceIp);
        _csv.WriteField(hit.Origin.Path);
        _csv.WriteField(hit.Origin.Line);
        _csv.WriteField(hit.Origin.Record);
        _csv.WriteField(string.Join(' ', hit.Intel.Select(match => match.List + ":" + match.Indicator)));
        _csv.NextRecord();
    }

    /// <inheritdoc />
    public void Complete(HuntSummary summary) => _csv.Flush();

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
